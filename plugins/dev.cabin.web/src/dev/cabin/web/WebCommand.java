package dev.cabin.web;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.compiler.service.CompileService;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.export.SigningKey;

/**
 * {@code cabin web [DIR] [--port N] [--host H] [--key KEY]}: Cabin Studio in the browser for the workspace DIR (the
 * current folder by default), until Ctrl+C; the Export panel's car packages are signed with KEY. Listens on 127.0.0.1 unless another host is named; prints the URL to open,
 * which carries the access token every request needs.
 */
public final class WebCommand implements Command {

	public static final String USAGE = """
			  web [DIR] [--port N] [--host H] [--key KEY]
			                               Cabin Studio in the browser for the folder DIR; prints the URL
			                               (with its access token) to open; Ctrl+C stops it; car packages
			                               built in the page are signed with KEY, which stays on the server
			""";
	private static final String LOOPBACK = "127.0.0.1";
	private static final int DEFAULT_PORT = 8080;

	private final Supplier<CompileService> compiler;

	/** @param compiler the process' compile service, asked for when the server starts */
	public WebCommand(Supplier<CompileService> compiler) {
		this.compiler = compiler;
	}

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		Integer port = arguments.positiveNumber("--port");
		String host = arguments.option("--host");
		String keyFile = arguments.option("--key");
		arguments.rejectUnknown();
		if (arguments.positional().size() > 1) {
			throw new UsageException("serves one folder; " + arguments.positional().size() + " were given");
		}
		Path workspace = Path.of(arguments.positional().isEmpty() ? "." : arguments.positional().get(0));
		if (!Files.isDirectory(workspace)) {
			throw new UsageException(workspace + " is not a folder");
		}
		SigningKey key = null;
		if (keyFile != null) {
			try {
				key = SigningKey.load(Path.of(keyFile));
			} catch (KeyFileException e) {
				terminal.err().println("cabin web: " + e.getMessage());
				return FAILED;
			}
		}
		String bindTo = host == null ? LOOPBACK : host;
		WebServer server;
		try {
			server = WebServer.start(workspace, bindTo, port == null ? DEFAULT_PORT : port, compiler.get(), key);
		} catch (Exception e) {
			terminal.err().println("cabin web: cannot listen on " + bindTo + ":" + (port == null ? DEFAULT_PORT : port)
					+ ": " + (e instanceof BindException || e.getCause() instanceof BindException
							? "the port is in use or not allowed (choose another with --port)" : e.getMessage()));
			return FAILED;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			} catch (java.io.IOException e) {
				// the process ends anyway
			}
		}, "cabin-web-stop"));
		if (host != null && !host.equals(LOOPBACK) && !host.equals("localhost")) {
			terminal.err().println("cabin web: listening on " + host + ": anyone who can reach it and has the URL "
					+ "can edit the workspace");
		}
		terminal.out().println("Cabin Studio for " + workspace.toAbsolutePath().normalize() + ":");
		terminal.out().println("  " + server.url());
		terminal.out().println("Ctrl+C stops it.");
		try {
			server.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return OK;
	}
}
