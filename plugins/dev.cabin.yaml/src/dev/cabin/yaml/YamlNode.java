package dev.cabin.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a YAML document with the place it is written (1-based line and column, character offset): a scalar,
 * a sequence of nodes, or a mapping whose entries keep their order and their duplicates (so that a reader can
 * report a key given twice at its place).
 */
public final class YamlNode {

	/** A key of a mapping and its value, both with their places. */
	public record Entry(YamlNode key, YamlNode value) {

		/** The key as text ({@code 42} for a numeric key). */
		public String name() {
			return key.isScalar() ? key.text() : String.valueOf(key.value());
		}
	}

	private final Node node;

	YamlNode(Node node) {
		this.node = node;
	}

	public int line() {
		return start().getLine() + 1;
	}

	public int column() {
		return start().getColumn() + 1;
	}

	public int offset() {
		return start().getIndex();
	}

	private Mark start() {
		return node.getStartMark();
	}

	public boolean isScalar() {
		return node instanceof ScalarNode;
	}

	public boolean isSequence() {
		return node instanceof SequenceNode;
	}

	public boolean isMapping() {
		return node instanceof MappingNode;
	}

	/** A scalar's text as written (without quotes), or {@code null} for a sequence or mapping. */
	public String text() {
		return node instanceof ScalarNode scalar ? scalar.getValue() : null;
	}

	/** The line a scalar's text starts on: the line after {@code |} or {@code >} for a block scalar. */
	public int textLine() {
		boolean block = node instanceof ScalarNode scalar
				&& (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
						|| scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
		return line() + (block ? 1 : 0);
	}

	/** The items of a sequence; empty for anything else. */
	public List<YamlNode> items() {
		List<YamlNode> items = new ArrayList<>();
		if (node instanceof SequenceNode sequence) {
			for (Node item : sequence.getValue()) {
				items.add(new YamlNode(item));
			}
		}
		return items;
	}

	/** The entries of a mapping in the order written, duplicates included; empty for anything else. */
	public List<Entry> entries() {
		List<Entry> entries = new ArrayList<>();
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				entries.add(new Entry(new YamlNode(tuple.getKeyNode()), new YamlNode(tuple.getValueNode())));
			}
		}
		return entries;
	}

	/** The value of the first entry of a mapping with that key, or {@code null}. */
	public YamlNode get(String key) {
		for (Entry entry : entries()) {
			if (key.equals(entry.key().text())) {
				return entry.value();
			}
		}
		return null;
	}

	/**
	 * The node as plain Java values: a scalar as {@link Long}, {@link Double}, {@link Boolean}, {@code null} or
	 * {@link String} (see {@link YamlReader} for which texts are which); a sequence as a list; a mapping as a map
	 * in the order written, keys as text, a later duplicate key winning.
	 */
	public Object value() {
		if (node instanceof ScalarNode scalar) {
			return scalar(scalar);
		}
		if (node instanceof SequenceNode) {
			return items().stream().map(YamlNode::value).toList();
		}
		Map<String, Object> map = new LinkedHashMap<>();
		for (Entry entry : entries()) {
			map.put(entry.name(), entry.value().value());
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
			return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
		}
		if (Tag.NULL.equals(tag)) {
			return null;
		}
		return text;
	}
}
