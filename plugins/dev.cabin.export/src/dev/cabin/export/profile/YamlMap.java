package dev.cabin.export.profile;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import dev.cabin.dsl.load.Problem;
import dev.cabin.export.ExportIssues;

/**
 * A YAML (or JSON) mapping read strictly: every key must be one the format has, every value of the expected
 * kind, and each problem is reported at its line and column with a hint where one helps ("did you mean ...").
 */
final class YamlMap {

	private final Path file;
	private final Node node;
	private final String path;
	private final List<Problem> problems;
	private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

	private YamlMap(Path file, Node node, String path, List<Problem> problems) {
		this.file = file;
		this.node = node;
		this.path = path;
		this.problems = problems;
	}

	/** The bytes of a file, or {@code null} after reporting why it cannot be read. */
	static byte[] read(Path file, List<Problem> problems, String code) {
		try {
			return Files.readAllBytes(file);
		} catch (NoSuchFileException e) {
			problems.add(Location.startOf(file).error(code, "no such file"));
		} catch (IOException e) {
			problems.add(Location.startOf(file).error(code, "cannot read the file: " + e.getMessage()));
		}
		return null;
	}

	/** The document's root node, or {@code null} after reporting why there is none. */
	static Node parse(Path file, byte[] bytes, List<Problem> problems, String code) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			problems.add(Location.startOf(file).error(code, "the file is not valid UTF-8"));
			return null;
		}
		try (Reader reader = new StringReader(text)) {
			Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
			if (root == null) {
				problems.add(Location.startOf(file).error(code, "the file is empty"));
			}
			return root;
		} catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			problems.add(at(file, mark).error(code, "not valid YAML or JSON: " + e.getProblem()));
		} catch (YAMLException | IOException e) {
			problems.add(Location.startOf(file).error(code, "not valid YAML or JSON: " + e.getMessage()));
		}
		return null;
	}

	/** The mapping at {@code node}, or {@code null} after reporting that it is not one. */
	static YamlMap of(Path file, Node node, String path, List<Problem> problems,
			Set<String> keys) {
		if (!(node instanceof MappingNode mapping)) {
			problems.add(at(file, node.getStartMark()).error(ExportIssues.PROFILE_BAD_VALUE,
					describe(path) + " must be a mapping of keys to values"));
			return null;
		}
		YamlMap map = new YamlMap(file, node, path, problems);
		for (NodeTuple tuple : mapping.getValue()) {
			String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
			Location where = at(file, tuple.getKeyNode().getStartMark());
			if (key == null) {
				problems.add(where.error(ExportIssues.PROFILE_BAD_VALUE, "keys must be plain names"));
			} else if (map.entries.containsKey(key)) {
				problems.add(where.error(ExportIssues.PROFILE_DUPLICATE_KEY, "\"" + key + "\" is given twice in "
						+ describe(path)));
			} else if (keys != null && !keys.contains(key)) {
				problems.add(where.error(ExportIssues.PROFILE_UNKNOWN_KEY, "unknown key \"" + key + "\" in "
						+ describe(path) + suggestion(key, keys)));
			} else {
				map.entries.put(key, tuple);
			}
		}
		return map;
	}

	private static String describe(String path) {
		return path.isEmpty() ? "the profile" : "\"" + path + "\"";
	}

	private static String suggestion(String key, Set<String> keys) {
		String closest = keys.stream().min(Comparator.comparingInt(k -> distance(k.toLowerCase(), key.toLowerCase())))
				.orElse(null);
		return closest != null && distance(closest.toLowerCase(), key.toLowerCase()) <= 3
				? " (did you mean \"" + closest + "\"?)"
				: " (known keys: " + String.join(", ", keys.stream().sorted().toList()) + ")";
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int[] current = new int[b.length() + 1];
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				current[j] = Math.min(Math.min(current[j - 1], previous[j]) + 1,
						previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
			}
			previous = current;
		}
		return previous[b.length()];
	}

	static Location at(Path file, Mark mark) {
		return mark == null ? Location.startOf(file)
				: new Location(file, mark.getLine() + 1, mark.getColumn() + 1, mark.getIndex());
	}

	Set<String> keys() {
		return entries.keySet();
	}

	Node value(String key) {
		NodeTuple tuple = entries.get(key);
		return tuple == null ? null : tuple.getValueNode();
	}

	/** Where the key is written, or where the mapping starts when the key is missing. */
	Location location(String key) {
		NodeTuple tuple = entries.get(key);
		return at(file, (tuple == null ? node : tuple.getKeyNode()).getStartMark());
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

	void bad(Node at, String message) {
		problems.add(at(file, at.getStartMark()).error(ExportIssues.PROFILE_BAD_VALUE, message));
	}

	/** A scalar as text, or {@code null} when it is missing (reported if required) or not a scalar. */
	String text(String key, boolean required, String example) {
		if (!present(key, required, example)) {
			return null;
		}
		Node value = value(key);
		if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
			return scalar.getValue();
		}
		bad(value, "\"" + qualified(key) + "\" must be a non-empty text" + (example == null ? "" : ", e.g. " + example));
		return null;
	}

	boolean flag(String key, boolean required) {
		if (!present(key, required, "true")) {
			return false;
		}
		Node value = value(key);
		if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
			return Boolean.parseBoolean(scalar.getValue()) || List.of("yes", "on", "y").contains(scalar.getValue()
					.toLowerCase());
		}
		bad(value, "\"" + qualified(key) + "\" must be true or false");
		return false;
	}

	/** A whole number of at least 1, or 0 when missing or wrong (reported). */
	long positive(String key, boolean required, String example) {
		if (!present(key, required, example)) {
			return 0;
		}
		Node value = value(key);
		if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
			try {
				long number = Long.parseLong(scalar.getValue().replace("_", ""));
				if (number >= 1) {
					return number;
				}
			} catch (NumberFormatException e) {
				// reported below
			}
		}
		bad(value, "\"" + qualified(key) + "\" must be a whole number of at least 1, e.g. " + example);
		return 0;
	}

	/** A list of texts (a single text counts as a list of one), empty when missing or wrong (reported). */
	List<String> texts(String key, boolean required, String example) {
		if (!present(key, required, example)) {
			return List.of();
		}
		Node value = value(key);
		List<String> texts = new ArrayList<>();
		if (value instanceof ScalarNode scalar) {
			texts.add(scalar.getValue());
		} else if (value instanceof SequenceNode sequence) {
			for (Node item : sequence.getValue()) {
				if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
					texts.add(scalar.getValue());
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
