package dev.cabin.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cabin.yaml.YamlException;
import dev.cabin.yaml.YamlNode;
import dev.cabin.yaml.YamlReader;

/**
 * Reads NLU corpora: JSON lines ({@code {"text": ..., "intent": ..., "locale": ..., "slots": [...]}} per line),
 * CSV ({@code text,intent[,locale]}, with or without that header) and Rasa's {@code nlu.yml}. A file that is
 * not UTF-8, not JSON or YAML where it must be, or that holds no utterance is refused with the line; lines
 * that lack what an utterance needs are left out, with a warning per reason that counts them.
 */
public final class CorpusReader {

	/** The corpus formats, by the names the command line uses. */
	public enum Format {
		JSONL, CSV, RASA;

		/** The format of a name such as {@code jsonl}, or {@code null}. */
		public static Format named(String name) {
			for (Format format : values()) {
				if (format.name().equalsIgnoreCase(name)) {
					return format;
				}
			}
			return null;
		}

		/** The format a file name's extension says ({@code .jsonl}, {@code .csv}, {@code .yml}), or {@code null}. */
		public static Format ofFile(String fileName) {
			String lower = fileName.toLowerCase(java.util.Locale.ROOT);
			if (lower.endsWith(".jsonl") || lower.endsWith(".json")) {
				return JSONL;
			}
			if (lower.endsWith(".csv")) {
				return CSV;
			}
			return lower.endsWith(".yml") || lower.endsWith(".yaml") ? RASA : null;
		}
	}

	/** A Rasa entity annotation: {@code [text](entity)}, {@code [text](entity:value)} or {@code [text]{"entity": ...}}. */
	private static final Pattern RASA_ENTITY = Pattern.compile("\\[([^\\]]*)\\](?:\\(([^)]*)\\)|(\\{[^}]*\\}))");

	private static final ObjectMapper JSON = new ObjectMapper();

	private CorpusReader() {
	}

	public static Corpus read(Path file, Format format) throws CorpusException {
		String name = file.toString();
		String text = text(file);
		SkippedLines skipped = new SkippedLines(name);
		List<CorpusLine> lines = switch (format) {
		case JSONL -> jsonLines(name, text, skipped);
		case CSV -> csv(name, text, skipped);
		case RASA -> rasa(file, text, skipped);
		};
		if (lines.isEmpty()) {
			List<String> warnings = skipped.warnings();
			throw new CorpusException(name + ": the corpus has no utterances"
					+ (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings)));
		}
		return new Corpus(name, lines, skipped.warnings());
	}

	/** The text of a UTF-8 corpus, or an error naming the line of the first byte that is not UTF-8. */
	private static String text(Path file) throws CorpusException {
		try {
			return YamlReader.readText(file);
		} catch (YamlException e) {
			throw new CorpusException(file + ":" + e.where().line() + ": " + e.where().problem());
		}
	}

	/* ------------------------------------------------------------------ JSON lines */

	private static List<CorpusLine> jsonLines(String name, String text, SkippedLines skipped) throws CorpusException {
		List<CorpusLine> lines = new ArrayList<>();
		String[] rows = text.split("\r?\n", -1);
		for (int i = 0; i < rows.length; i++) {
			int number = i + 1;
			if (rows[i].isBlank()) {
				continue;
			}
			JsonNode node;
			try {
				node = JSON.readTree(rows[i]);
			} catch (JsonProcessingException e) {
				throw new CorpusException(name + ":" + number + ":" + e.getLocation().getColumnNr()
						+ ": invalid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
			}
			if (!node.isObject()) {
				skipped.skip(number, "whose content is not a JSON object");
				continue;
			}
			CorpusLine line = utterance(number, node.path("text"), node.path("intent"), node.path("locale"), skipped);
			CorpusLine withSlots = line == null ? null : withSlots(line, node.path("slots"), skipped);
			if (withSlots != null) {
				lines.add(withSlots);
			}
		}
		return lines;
	}

	private static CorpusLine utterance(int number, JsonNode text, JsonNode intent, JsonNode locale,
			SkippedLines skipped) {
		if (!text.isTextual() || text.asText().isBlank()) {
			skipped.skip(number, "without a \"text\"");
			return null;
		}
		if (!intent.isTextual() || intent.asText().isBlank()) {
			skipped.skip(number, "without an \"intent\"");
			return null;
		}
		if (!locale.isMissingNode() && !locale.isNull() && !locale.isTextual()) {
			skipped.skip(number, "whose \"locale\" is not text");
			return null;
		}
		return new CorpusLine(number, text.asText(), intent.asText().strip(), locale.isTextual() ? locale.asText() : null,
				List.of());
	}

	private static CorpusLine withSlots(CorpusLine line, JsonNode slots, SkippedLines skipped) {
		if (slots.isMissingNode() || slots.isNull()) {
			return line;
		}
		List<CorpusLine.SlotSpan> spans = new ArrayList<>();
		boolean valid = slots.isArray();
		for (JsonNode slot : slots) {
			JsonNode start = slot.path("start");
			JsonNode end = slot.path("end");
			JsonNode slotName = slot.path("slot");
			valid &= start.isInt() && end.isInt() && slotName.isTextual() && start.asInt() >= 0
					&& start.asInt() < end.asInt() && end.asInt() <= line.text().length();
			if (valid) {
				spans.add(new CorpusLine.SlotSpan(slotName.asText(), start.asInt(), end.asInt()));
			}
		}
		if (!valid) {
			skipped.skip(line.line(), "whose \"slots\" are not {start, end, slot} ranges of the text");
			return null;
		}
		return new CorpusLine(line.line(), line.text(), line.intent(), line.locale(), spans);
	}

	/* ------------------------------------------------------------------ CSV */

	private static List<CorpusLine> csv(String name, String text, SkippedLines skipped) throws CorpusException {
		List<CorpusLine> lines = new ArrayList<>();
		List<Row> rows = Row.parse(name, text);
		Map<String, Integer> columns = Map.of("text", 0, "intent", 1, "locale", 2);
		if (!rows.isEmpty() && rows.get(0).isHeader()) {
			columns = new HashMap<>();
			List<String> header = rows.get(0).cells();
			for (int i = 0; i < header.size(); i++) {
				columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
			}
			rows = rows.subList(1, rows.size());
		}
		for (Row row : rows) {
			if (row.cells().stream().allMatch(String::isBlank)) {
				continue;
			}
			CorpusLine line = utterance(row.line(), row.cell(columns.get("text")), row.cell(columns.get("intent")),
					row.cell(columns.get("locale")), skipped);
			if (line != null) {
				lines.add(line);
			}
		}
		return lines;
	}

	/** A CSV record (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks). */
	private record Row(int line, List<String> cells) {

		boolean isHeader() {
			return cells.stream().anyMatch(c -> c.strip().equalsIgnoreCase("text"))
					&& cells.stream().anyMatch(c -> c.strip().equalsIgnoreCase("intent"));
		}

		/** The cell as a JSON text node, so that CSV and JSON lines share their checks. */
		JsonNode cell(Integer column) {
			if (column == null || column >= cells.size()) {
				return MissingNode.getInstance();
			}
			return TextNode.valueOf(cells.get(column));
		}

		static List<Row> parse(String name, String text) throws CorpusException {
			List<Row> rows = new ArrayList<>();
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			int line = 1;
			int rowStart = 1;
			int quoteStart = 0;
			boolean quoted = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					} else if (c == '"') {
						quoted = false;
					} else {
						line += c == '\n' ? 1 : 0;
						cell.append(c);
					}
				} else if (c == '"' && cell.toString().isBlank()) {
					quoted = true;
					quoteStart = line;
					cell.setLength(0);
				} else if (c == ',') {
					cells.add(cell.toString());
					cell.setLength(0);
				} else if (c == '\n') {
					cells.add(cell.toString());
					rows.add(new Row(rowStart, List.copyOf(cells)));
					cells.clear();
					cell.setLength(0);
					rowStart = ++line;
				} else if (c != '\r') {
					cell.append(c);
				}
			}
			if (quoted) {
				throw new CorpusException(name + ":" + quoteStart + ": a quoted cell is never closed (a \" is missing)");
			}
			if (cell.length() > 0 || !cells.isEmpty()) {
				cells.add(cell.toString());
				rows.add(new Row(rowStart, List.copyOf(cells)));
			}
			return rows;
		}
	}

	/* ------------------------------------------------------------------ Rasa */

	private static List<CorpusLine> rasa(Path file, String text, SkippedLines skipped) throws CorpusException {
		YamlNode root;
		try {
			root = YamlReader.parse(file, text).orElse(null);
		} catch (YamlException e) {
			throw new CorpusException(e.getMessage());
		}
		YamlNode nlu = root == null ? null : root.get("nlu");
		if (nlu == null || !nlu.isSequence()) {
			throw new CorpusException(file + ":1: not a Rasa NLU file (no \"nlu:\" list)");
		}
		List<CorpusLine> lines = new ArrayList<>();
		for (YamlNode item : nlu.items()) {
			YamlNode intent = item.get("intent");
			if (intent == null) {
				continue; // synonyms, regular expressions and lookup tables are not utterances
			}
			if (!intent.isScalar() || intent.text().isBlank()) {
				skipped.skip(item.line(), "with an \"intent\" that is not a name");
				continue;
			}
			YamlNode examples = item.get("examples");
			if (examples == null || !examples.isScalar()) {
				skipped.skip(item.line(), "with an intent but no \"examples\" text");
				continue;
			}
			lines.addAll(rasaExamples(intent.text().strip(), examples, skipped));
		}
		return lines;
	}

	private static List<CorpusLine> rasaExamples(String intent, YamlNode examples, SkippedLines skipped) {
		List<CorpusLine> lines = new ArrayList<>();
		int first = examples.textLine();
		String[] rows = examples.text().split("\n", -1);
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].strip();
			if (row.isEmpty()) {
				continue;
			}
			if (!row.startsWith("- ") || row.substring(2).isBlank()) {
				skipped.skip(first + i, "in \"examples\" not written \"- utterance\"");
				continue;
			}
			lines.add(rasaUtterance(first + i, row.substring(2).strip(), intent));
		}
		return lines;
	}

	/** An utterance with its entity annotations turned into slots. */
	private static CorpusLine rasaUtterance(int number, String annotated, String intent) {
		StringBuilder text = new StringBuilder();
		List<CorpusLine.SlotSpan> slots = new ArrayList<>();
		Matcher matcher = RASA_ENTITY.matcher(annotated);
		int last = 0;
		while (matcher.find()) {
			text.append(annotated, last, matcher.start());
			int start = text.length();
			text.append(matcher.group(1));
			String entity = matcher.group(2) != null ? matcher.group(2).split(":")[0].strip()
					: jsonEntity(matcher.group(3));
			if (entity != null && !entity.isEmpty() && text.length() > start) {
				slots.add(new CorpusLine.SlotSpan(entity, start, text.length()));
			}
			last = matcher.end();
		}
		text.append(annotated.substring(last));
		return new CorpusLine(number, text.toString(), intent, null, slots);
	}

	private static String jsonEntity(String annotation) {
		try {
			JsonNode node = JSON.readTree(annotation);
			return node.path("entity").isTextual() ? node.path("entity").asText() : null;
		} catch (JsonProcessingException e) {
			return null;
		}
	}
}
