package dev.cabin.compiler;

import dev.cabin.language.StrictUtf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;

import dev.cabin.dsl.cabin.Agent;

/**
 * Examples of what the agents of a {@code .cabin} file must not handle, which train their classifiers to say
 * "out of scope": {@code NAME.out-of-scope.txt} beside {@code NAME.cabin}, one utterance per line (in any of the
 * agents' languages; blank lines and lines starting with {@code #} are left out). Corpora mark such utterances
 * as {@code "oos"}; {@code cabin import} writes them there.
 *
 * <p>They live beside the source rather than in it because the language has no construct for them yet.
 */
public final class OutOfScopeExamples {

	private OutOfScopeExamples() {
	}

	/** Where the out-of-scope examples of a source file are, whether or not it exists. */
	public static Path fileFor(Path source) {
		String name = source.getFileName().toString();
		String base = name.endsWith(".cabin") ? name.substring(0, name.length() - ".cabin".length()) : name;
		return source.resolveSibling(base + ".out-of-scope.txt");
	}

	/** The lines of an out-of-scope file; none if there is no such file. */
	public static List<String> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		StrictUtf8.Decoded decoded;
		try {
			decoded = StrictUtf8.decode(Files.readAllBytes(file));
		} catch (IOException e) {
			throw new CompileException(file + ":1: cannot read the out-of-scope examples: " + e.getMessage());
		}
		if (!decoded.valid()) {
			throw new CompileException(file + ":" + decoded.line() + ":" + decoded.column()
					+ ": the out-of-scope examples are not UTF-8 text");
		}
		String text = decoded.text();
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\r?\n")) {
			String utterance = line.strip();
			if (!utterance.isEmpty() && !utterance.startsWith("#")) {
				lines.add(utterance);
			}
		}
		return lines;
	}

	/** The out-of-scope examples of an agent, from beside the file it is written in. */
	static List<String> of(Agent agent) {
		if (agent.eResource() == null) {
			return List.of();
		}
		URI uri = agent.eResource().getURI();
		return uri.isFile() ? read(fileFor(Path.of(uri.toFileString()))) : List.of();
	}
}
