package dev.cabin.vss;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML of .vspec files, units.yaml and project files into plain Java values (maps keep their order),
 * keeping the line of every top-level key, and turns every failure into a located {@link VssProblem}.
 */
public final class YamlDocuments {

	/**
	 * A top-level entry of a YAML mapping, the line (1-based) of its key, and when its value is a mapping the
	 * lines of that mapping's keys.
	 */
	public record Entry(String key, Object value, int line, Map<String, Integer> keyLines) {

		/** The line of a key of the entry's value, or the entry's own line. */
		public int lineOf(String nestedKey) {
			return keyLines.getOrDefault(nestedKey, line);
		}
	}

	private YamlDocuments() {
	}

	/** Reads a UTF-8 text file; {@code null} (after adding a problem) when it cannot be read or is not UTF-8. */
	public static String readText(Path file, List<VssProblem> problems) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		} catch (IOException e) {
			problems.add(new VssProblem(file, 1, 1, "cannot read the file: " + e.getMessage()));
			return null;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			problems.add(new VssProblem(file, 1, 1, "the file is not valid UTF-8; save it as UTF-8"));
			return null;
		}
	}

	/**
	 * The top-level entries of a YAML document that must be a mapping (an empty document has none);
	 * {@code null} (after adding a problem) when the text is not such a document.
	 */
	public static List<Entry> topLevelEntries(Path file, String text, List<VssProblem> problems) {
		Node root;
		try {
			root = yaml().compose(new StringReader(text));
		} catch (MarkedYAMLException e) {
			int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
			int column = e.getProblemMark() != null ? e.getProblemMark().getColumn() + 1 : 1;
			problems.add(new VssProblem(file, line, column, "invalid YAML: " + e.getProblem()));
			return null;
		} catch (YAMLException e) {
			problems.add(new VssProblem(file, 1, 1, "invalid YAML: " + e.getMessage()));
			return null;
		}
		List<Entry> entries = new ArrayList<>();
		if (root == null) {
			return entries;
		}
		if (!(root instanceof MappingNode mapping)) {
			problems.add(new VssProblem(file, line(root), 1, "expected a mapping of names to attributes"));
			return null;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			Map<String, Integer> keyLines = new LinkedHashMap<>();
			if (tuple.getValueNode() instanceof MappingNode nested) {
				for (NodeTuple nestedTuple : nested.getValue()) {
					keyLines.put(String.valueOf(value(nestedTuple.getKeyNode())), line(nestedTuple.getKeyNode()));
				}
			}
			entries.add(new Entry(String.valueOf(value(tuple.getKeyNode())), value(tuple.getValueNode()),
					line(tuple.getKeyNode()), keyLines));
		}
		return entries;
	}

	private static int line(Node node) {
		return node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 1;
	}

	private static Object value(Node node) {
		if (node instanceof ScalarNode scalar) {
			return scalar(scalar);
		}
		if (node instanceof SequenceNode sequence) {
			List<Object> list = new ArrayList<>();
			for (Node item : sequence.getValue()) {
				list.add(value(item));
			}
			return list;
		}
		Map<String, Object> map = new LinkedHashMap<>();
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				map.put(String.valueOf(value(tuple.getKeyNode())), value(tuple.getValueNode()));
			}
		}
		return map;
	}

	private static Object scalar(ScalarNode scalar) {
		String text = scalar.getValue();
		Tag tag = scalar.getTag();
		try {
			if (Tag.INT.equals(tag)) {
				return Long.parseLong(text.replace("_", ""));
			}
			if (Tag.FLOAT.equals(tag)) {
				return Double.parseDouble(text.replace("_", ""));
			}
		} catch (NumberFormatException e) {
			return text;
		}
		if (Tag.BOOL.equals(tag)) {
			return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
		}
		if (Tag.NULL.equals(tag)) {
			return null;
		}
		return text;
	}

	/*
	 * YAML 1.1 reads unquoted ON, OFF, yes and no as booleans; allowed values such as [ON, OFF] must stay text,
	 * so only true and false are booleans here (as in YAML 1.2).
	 */
	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(true);
		options.setCodePointLimit(64 * 1024 * 1024);
		Resolver resolver = new Resolver() {
			@Override
			protected void addImplicitResolvers() {
				addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
				addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9_]*)$"), "-+0123456789");
				addImplicitResolver(Tag.FLOAT,
						Pattern.compile("^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"),
						"-+0123456789.");
				addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
				addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
			}
		};
		DumperOptions dumperOptions = new DumperOptions();
		return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options,
				resolver);
	}
}
