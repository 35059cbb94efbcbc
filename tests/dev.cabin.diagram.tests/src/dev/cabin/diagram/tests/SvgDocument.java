package dev.cabin.diagram.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.Point;

/**
 * An SVG diagram read back the way a reviewer's tool would read it: XML, node groups with their box
 * rectangles, edge groups with their paths, port circles.
 */
final class SvgDocument {

	record Node(String id, Set<String> classes, Map<String, String> attributes, Box box) {
		String attribute(String name) {
			return attributes.get(name);
		}
	}

	record Edge(String id, Set<String> classes, Map<String, String> attributes, List<Point> points) {
		String from() {
			return attributes.get("data-from");
		}

		String to() {
			return attributes.get("data-to");
		}

		String label() {
			return attributes.get("data-label");
		}
	}

	final Map<String, Node> nodes = new LinkedHashMap<>();
	final Map<String, Edge> edges = new LinkedHashMap<>();
	final Map<String, Box> ports = new LinkedHashMap<>();

	static SvgDocument parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Element root = factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
		SvgDocument document = new SvgDocument();
		NodeList groups = root.getElementsByTagName("g");
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			Set<String> classes = Set.of(group.getAttribute("class").split(" "));
			Map<String, String> attributes = new LinkedHashMap<>();
			for (int a = 0; a < group.getAttributes().getLength(); a++) {
				attributes.put(group.getAttributes().item(a).getNodeName(), group.getAttributes().item(a).getNodeValue());
			}
			String id = group.getAttribute("id");
			if (classes.contains("node")) {
				document.nodes.put(id, new Node(id, classes, attributes, box(first(group, "rect"))));
			} else if (classes.contains("edge")) {
				document.edges.put(id, new Edge(id, classes, attributes, path(first(group, "path").getAttribute("d"))));
			} else if (classes.contains("port")) {
				Element circle = first(group, "circle");
				double r = number(circle, "r");
				document.ports.put(id, new Box(number(circle, "cx") - r, number(circle, "cy") - r, 2 * r, 2 * r));
			}
		}
		return document;
	}

	List<Edge> edgesFrom(String nodeId) {
		return edges.values().stream().filter(edge -> edge.from().equals(nodeId)).toList();
	}

	List<Edge> edgesTo(String nodeId) {
		return edges.values().stream().filter(edge -> edge.to().equals(nodeId)).toList();
	}

	private static Element first(Element group, String tag) {
		Element element = (Element) group.getElementsByTagName(tag).item(0);
		if (element == null) {
			throw new AssertionError("group " + group.getAttribute("id") + " has no <" + tag + ">");
		}
		return element;
	}

	private static Box box(Element rect) {
		if (!rect.getAttribute("class").equals("box")) {
			throw new AssertionError("the first rect of a node is not its box: " + rect.getAttribute("class"));
		}
		return new Box(number(rect, "x"), number(rect, "y"), number(rect, "width"), number(rect, "height"));
	}

	private static List<Point> path(String d) {
		List<Point> points = new ArrayList<>();
		String[] tokens = d.replace("M", " ").replace("L", " ").trim().split("\\s+");
		for (int i = 0; i + 1 < tokens.length; i += 2) {
			points.add(new Point(Double.parseDouble(tokens[i]), Double.parseDouble(tokens[i + 1])));
		}
		return points;
	}

	private static double number(Element element, String attribute) {
		return Double.parseDouble(element.getAttribute(attribute));
	}
}
