package dev.cabin.vss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue as facts, one line each, tab-separated (what the product ships instead of .vspec files):
 * <pre>
 * unit  ID  NAME  QUANTITY
 * node  PATH  TYPE  DATATYPE  UNIT  MIN  MAX  ALLOWED(v1|v2)  INSTANCES(a,b;c,d)  DESCRIPTION
 * </pre>
 * Nodes are written depth first, so that a branch's children follow it. Tabs, line breaks, {@code |},
 * {@code ,}, {@code ;} and backslashes inside values are escaped with a backslash.
 */
public final class CatalogueFacts {

	private CatalogueFacts() {
	}

	public static void write(VssCatalogue catalogue, String header, Appendable out) throws IOException {
		for (String line : header.split("\n")) {
			out.append("# ").append(line).append('\n');
		}
		for (VssUnit unit : catalogue.units()) {
			out.append(String.join("\t", "unit", escape(unit.id()), escape(unit.label()), escape(unit.quantity())))
					.append('\n');
		}
		for (VssNode root : catalogue.children("")) {
			writeTree(catalogue, root, out);
		}
	}

	private static void writeTree(VssCatalogue catalogue, VssNode node, Appendable out) throws IOException {
		List<String> instances = node.instances().stream()
				.map(level -> String.join(",", level.stream().map(CatalogueFacts::escape).toList())).toList();
		out.append(String.join("\t", "node", escape(node.path()), node.type().label(), escape(node.datatype()),
				escape(node.unit()), number(node.min()), number(node.max()),
				String.join("|", node.allowed().stream().map(CatalogueFacts::escape).toList()),
				String.join(";", instances), escape(node.description()))).append('\n');
		for (VssNode child : catalogue.children(node.path())) {
			writeTree(catalogue, child, out);
		}
	}

	/** Reads facts written by {@link #write}; a line that is not such a fact is a broken resource. */
	public static VssCatalogue read(BufferedReader in) {
		List<VssUnit> units = new ArrayList<>();
		List<VssNode> nodes = new ArrayList<>();
		try {
			String line;
			int number = 0;
			while ((line = in.readLine()) != null) {
				number++;
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\t", -1);
				if (fields[0].equals("unit") && fields.length == 4) {
					units.add(new VssUnit(unescape(fields[1]), unescape(fields[2]), unescape(fields[3])));
				} else if (fields[0].equals("node") && fields.length == 10) {
					nodes.add(node(fields));
				} else {
					throw new IllegalStateException("line " + number + " of the VSS facts is not a fact: " + line);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new VssCatalogue(nodes, units);
	}

	private static VssNode node(String[] fields) {
		NodeType type = NodeType.ofLabel(fields[2]);
		if (type == null) {
			throw new IllegalStateException("unknown node type in the VSS facts: " + fields[2]);
		}
		List<List<String>> instances = fields[8].isEmpty() ? List.of()
				: split(fields[8], ';').stream().map(level -> unescaped(split(level, ','))).toList();
		return new VssNode(unescape(fields[1]), type, optional(fields[3]), optional(fields[4]), parse(fields[5]),
				parse(fields[6]), fields[7].isEmpty() ? List.of() : unescaped(split(fields[7], '|')), unescape(fields[9]),
				instances);
	}

	private static List<String> unescaped(List<String> parts) {
		return parts.stream().map(CatalogueFacts::unescape).toList();
	}

	/** Splits at separators that are not escaped; the parts stay escaped. */
	private static List<String> split(String text, char separator) {
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				part.append(c).append(text.charAt(++i));
			} else if (c == separator) {
				parts.add(part.toString());
				part.setLength(0);
			} else {
				part.append(c);
			}
		}
		parts.add(part.toString());
		return parts;
	}

	private static String number(Double value) {
		if (value == null) {
			return "";
		}
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue())
				: Double.toString(value);
	}

	private static Double parse(String field) {
		return field.isEmpty() ? null : Double.valueOf(field);
	}

	private static String optional(String field) {
		return field.isEmpty() ? null : unescape(field);
	}

	static String escape(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
			case '\t' -> escaped.append("\\t");
			case '\n' -> escaped.append("\\n");
			case '\r' -> escaped.append("\\r");
			case '\\', '|', ',', ';' -> escaped.append('\\').append(c);
			default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			return value;
		}
		StringBuilder plain = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\\' || i + 1 == value.length()) {
				plain.append(c);
				continue;
			}
			char next = value.charAt(++i);
			plain.append(switch (next) {
			case 't' -> '\t';
			case 'n' -> '\n';
			case 'r' -> '\r';
			default -> next;
			});
		}
		return plain.toString();
	}
}
