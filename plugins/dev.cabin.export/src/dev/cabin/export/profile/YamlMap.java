package dev.cabin.export.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cabin.dsl.load.Problem;
import dev.cabin.export.ExportIssues;
import dev.cabin.vss.Strings;
import dev.cabin.yaml.YamlException;
import dev.cabin.yaml.YamlNode;
import dev.cabin.yaml.YamlReader;

/**
 * A YAML (or JSON) mapping read strictly: every key must be one the format has, every value of the expected
 * kind, and each problem is reported at its line and column with a hint where one helps ("did you mean ...").
 */
final class YamlMap {

	private final Path file;
	private final YamlNode node;
	private final String path;
	private final List<Problem> problems;
	private final Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();

	private YamlMap(Path file, YamlNode node, String path, List<Problem> problems) {
		this.file = file;
		this.node = node;
		this.path = path;
		this.problems = problems;
	}

	/** The document's root node, or {@code null} after reporting why there is none. */
	static YamlNode read(Path file, List<Problem> problems, String code) {
		try {
			YamlNode root = YamlReader.read(file).orElse(null);
			if (root == null) {
				problems.add(Location.startOf(file).error(code, "the file is empty"));
			}
			return root;
		} catch (YamlException e) {
			YamlException.Where where = e.where();
			problems.add(new Location(file, where.line(), where.column(), where.offset()).error(code, where.problem()));
			return null;
		}
	}

	/** The mapping at {@code node}, or {@code null} after reporting that it is not one. */
	static YamlMap of(Path file, YamlNode node, String path, List<Problem> problems, Set<String> keys) {
		if (!node.isMapping()) {
			problems.add(at(file, node).error(ExportIssues.PROFILE_BAD_VALUE,
					describe(path) + " must be a mapping of keys to values"));
			return null;
		}
		YamlMap map = new YamlMap(file, node, path, problems);
		for (YamlNode.Entry entry : node.entries()) {
			String key = entry.key().text();
			Location where = at(file, entry.key());
			if (key == null) {
				problems.add(where.error(ExportIssues.PROFILE_BAD_VALUE, "keys must be plain names"));
			} else if (map.entries.containsKey(key)) {
				problems.add(where.error(ExportIssues.PROFILE_DUPLICATE_KEY, "\"" + key + "\" is given twice in "
						+ describe(path)));
			} else if (keys != null && !keys.contains(key)) {
				problems.add(where.error(ExportIssues.PROFILE_UNKNOWN_KEY, "unknown key \"" + key + "\" in "
						+ describe(path) + suggestion(key, keys)));
			} else {
				map.entries.put(key, entry);
			}
		}
		return map;
	}

	private static String describe(String path) {
		return path.isEmpty() ? "the profile" : "\"" + path + "\"";
	}

	private static String suggestion(String key, Set<String> keys) {
		String closest = keys.stream().min(Comparator.comparingInt(k -> distance(k, key))).orElse(null);
		return closest != null && distance(closest, key) <= 3
				? " (did you mean \"" + closest + "\"?)"
				: " (known keys: " + String.join(", ", keys.stream().sorted().toList()) + ")";
	}

	private static int distance(String a, String b) {
		return Strings.editDistance(a.toLowerCase(), b.toLowerCase());
	}

	private static Location at(Path file, YamlNode node) {
		return new Location(file, node.line(), node.column(), node.offset());
	}

	Set<String> keys() {
		return entries.keySet();
	}

	YamlNode value(String key) {
		YamlNode.Entry entry = entries.get(key);
		return entry == null ? null : entry.value();
	}

	/** Where the key is written, or where the mapping starts when the key is missing. */
	Location location(String key) {
		YamlNode.Entry entry = entries.get(key);
		return at(file, entry == null ? node : entry.key());
	}

	private String qualified(String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	private boolean present(String key, boolean required, String example) {
		if (entries.containsKey(key)) {
			return true;
		}
		if (required) {
			problems.add(location(key).error(ExportIssues.PROFILE_MISSING_FIELD, "missing \"" + qualified(key)
					+ "\"" + (example == null ? "" : ", e.g. " + key + ": " + example)));
		}
		return false;
	}

	void bad(YamlNode at, String message) {
		problems.add(at(file, at).error(ExportIssues.PROFILE_BAD_VALUE, message));
	}

	/** A scalar as text, or {@code null} when it is missing (reported if required) or not a scalar. */
	String text(String key, boolean required, String example) {
		if (!present(key, required, example)) {
			return null;
		}
		YamlNode value = value(key);
		if (value.isScalar() && !value.text().isBlank()) {
			return value.text();
		}
		bad(value, "\"" + qualified(key) + "\" must be a non-empty text" + (example == null ? "" : ", e.g. " + example));
		return null;
	}

	boolean flag(String key, boolean required) {
		if (!present(key, required, "true")) {
			return false;
		}
		YamlNode value = value(key);
		if (value.value() instanceof Boolean flag) {
			return flag;
		}
		// YAML 1.1 words, which profiles written for other tools use
		String word = value.isScalar() ? value.text().toLowerCase() : "";
		if (List.of("yes", "on", "no", "off").contains(word)) {
			return word.equals("yes") || word.equals("on");
		}
		bad(value, "\"" + qualified(key) + "\" must be true or false");
		return false;
	}

	/** A whole number of at least 1, or 0 when missing or wrong (reported). */
	long positive(String key, boolean required, String example) {
		if (!present(key, required, example)) {
			return 0;
		}
		YamlNode value = value(key);
		if (value.value() instanceof Long number && number >= 1) {
			return number;
		}
		bad(value, "\"" + qualified(key) + "\" must be a whole number of at least 1, e.g. " + example);
		return 0;
	}

	/** A list of texts (a single text counts as a list of one), empty when missing or wrong (reported). */
	List<String> texts(String key, boolean required, String example) {
		if (!present(key, required, example)) {
			return List.of();
		}
		YamlNode value = value(key);
		List<String> texts = new ArrayList<>();
		if (value.isScalar()) {
			texts.add(value.text());
		} else if (value.isSequence()) {
			for (YamlNode item : value.items()) {
				if (item.isScalar() && !item.text().isBlank()) {
					texts.add(item.text());
				} else {
					bad(item, "each item of \"" + qualified(key) + "\" must be a text");
				}
			}
		} else {
			bad(value, "\"" + qualified(key) + "\" must be a list, e.g. " + example);
		}
		return texts;
	}

	/** The nested mapping, or {@code null} when missing (reported if required) or not a mapping. */
	YamlMap map(String key, boolean required, Set<String> keys) {
		if (!present(key, required, null)) {
			return null;
		}
		return of(file, value(key), qualified(key), problems, keys);
	}
}
