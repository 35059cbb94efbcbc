package dev.cabin.cli;

import java.io.InputStream;
import java.io.PrintStream;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.dsl.ide.server.CabinLanguageServer;
import dev.cabin.dsl.ide.server.LspLimits;

/**
 * {@code cabin lsp}: the Cabin language server on stdin and stdout (the Language Server Protocol), until the
 * client sends exit or closes stdin. Editors start it as their language server for .cabin files. What a client
 * may make it read is bounded ({@link LspLimits}); the options raise or lower the limits.
 */
final class LspCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		LspLimits limits = limits(arguments);
		arguments.rejectUnknown();
		if (!arguments.positional().isEmpty()) {
			throw new UsageException("takes no arguments; the client speaks LSP on stdin and stdout");
		}
		InputStream in = System.in;
		PrintStream protocol = System.out;
		// whatever a library prints must not mix with the protocol's bytes on stdout
		System.setOut(terminal.err());
		try {
			CabinLanguageServer.start(in, protocol, limits).awaitEnd();
			return Main.OK;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Main.FAILED;
		} finally {
			System.setOut(protocol);
		}
	}

	private static LspLimits limits(Arguments arguments) throws UsageException {
		LspLimits defaults = LspLimits.DEFAULTS;
		Integer messageBytes = arguments.positiveNumber(LspLimits.MESSAGE_BYTES_OPTION);
		Integer jsonDepth = arguments.positiveNumber(LspLimits.JSON_DEPTH_OPTION);
		Integer documentChars = arguments.positiveNumber(LspLimits.DOCUMENT_CHARS_OPTION);
		return new LspLimits(messageBytes != null ? messageBytes : defaults.maxMessageBytes(),
				jsonDepth != null ? jsonDepth : defaults.maxJsonDepth(),
				documentChars != null ? documentChars : defaults.maxDocumentChars());
	}
}
