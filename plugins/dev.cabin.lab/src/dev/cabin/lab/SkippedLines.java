package dev.cabin.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lines of a corpus that were left out, by reason, for one warning per reason with their count. */
final class SkippedLines {

	/** Line numbers named in a warning; the count says how many more there are. */
	private static final int NAMED = 5;

	private final String file;
	private final Map<String, List<Integer>> linesByReason = new LinkedHashMap<>();

	SkippedLines(String file) {
		this.file = file;
	}

	/** Leaves out a line; {@code reason} completes "N lines ..." (e.g. "without a \"text\""). */
	void skip(int line, String reason) {
		linesByReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(line);
	}

	List<String> warnings() {
		List<String> warnings = new ArrayList<>();
		linesByReason.forEach((reason, lines) -> {
			String named = lines.stream().limit(NAMED).map(String::valueOf).collect(Collectors.joining(", "));
			warnings.add(file + ":" + lines.get(0) + ": warning: skipped " + lines.size() + " line"
					+ (lines.size() == 1 ? "" : "s") + " " + reason + " (line" + (lines.size() == 1 ? " " : "s ")
					+ named + (lines.size() > NAMED ? ", ..." : "") + ")");
		});
		return warnings;
	}
}
