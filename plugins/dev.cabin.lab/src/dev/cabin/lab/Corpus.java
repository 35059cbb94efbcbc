package dev.cabin.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * The utterances of a corpus file, with the warnings about lines it had to leave out.
 *
 * @param file the file as the user named it, for messages about its lines
 * @param warnings one message per kind of line left out, with their count and first line numbers
 */
public record Corpus(String file, List<CorpusLine> lines, List<String> warnings) {

	/** The intent that corpora give to utterances that no intent covers. */
	public static final String OUT_OF_SCOPE = "oos";

	public Corpus {
		lines = List.copyOf(lines);
		warnings = List.copyOf(warnings);
	}

	/** The file's name without its folder, for reports. */
	public String name() {
		return Path.of(file).getFileName().toString();
	}
}
