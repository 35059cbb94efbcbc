package dev.cabin.diagram.layout;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import dev.cabin.diagram.graph.DiagramEdge;
import dev.cabin.diagram.graph.DiagramGraph;
import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.graph.DiagramPort;

/**
 * Lays a diagram out with ELK's layered algorithm, left to right, with orthogonal edges, the whole hierarchy
 * (agents, flows, steps) in one run so that edges between flows and agents are routed too. ELK's random
 * choices use a fixed seed and the graph is built in source order, so a model always gets the same layout.
 */
public final class DiagramLayouter {

	private static final double MARGIN = 16;
	private static final double MAX_EDGE_LABEL_WIDTH = 170;

	private DiagramLayouter() {
	}

	/*
	 * On a plain class path ELK finds its algorithms through the service loader; in OSGi it would need the
	 * Eclipse extension registry and ELK's service plug-in. Registering the layered algorithm here works in
	 * both (registering again replaces the same entries).
	 */
	private static final class Algorithms {
		static final RecursiveGraphLayoutEngine ENGINE;
		static {
			LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
			ENGINE = new RecursiveGraphLayoutEngine();
		}
	}

	public static LaidOutDiagram layout(DiagramGraph graph) {
		ElkNode root = ElkGraphUtil.createGraph();
		configureGraph(root, new ElkPadding(MARGIN));
		root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		root.setProperty(LayeredOptions.RANDOM_SEED, 1);

		Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
		for (DiagramNode node : graph.nodes()) {
			ElkNode parent = node.parentId() == null ? root : elkNodes.get(node.parentId());
			ElkNode elkNode = ElkGraphUtil.createNode(parent);
			elkNode.setIdentifier(node.id());
			if (graph.hasChildren(node.id())) {
				configureGraph(elkNode, new ElkPadding(NodeFace.HEADER_HEIGHT + 10, 14, 14, 14));
				elkNode.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
				elkNode.setProperty(CoreOptions.NODE_SIZE_MINIMUM,
						new KVector(NodeFace.headerWidth(node), NodeFace.HEADER_HEIGHT + 20));
			} else {
				NodeFace.Size size = NodeFace.leafSize(node);
				elkNode.setDimensions(size.width(), size.height());
			}
			elkNodes.put(node.id(), elkNode);
		}
		Map<String, ElkPort> elkPorts = new LinkedHashMap<>();
		for (DiagramPort port : graph.ports()) {
			ElkNode owner = elkNodes.get(port.nodeId());
			ElkPort elkPort = ElkGraphUtil.createPort(owner);
			elkPort.setIdentifier(port.id());
			elkPort.setDimensions(NodeFace.PORT_SIZE, NodeFace.PORT_SIZE);
			elkPort.setProperty(CoreOptions.PORT_SIDE, port.side() == DiagramPort.Side.WEST ? PortSide.WEST : PortSide.EAST);
			elkPort.setProperty(CoreOptions.PORT_INDEX, port.index());
			elkPort.setProperty(CoreOptions.PORT_BORDER_OFFSET, -NodeFace.PORT_SIZE / 2);
			owner.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_ORDER);
			elkPorts.put(port.id(), elkPort);
		}
		Map<DiagramEdge, List<ElkEdge>> elkEdges = new LinkedHashMap<>();
		Map<DiagramEdge, ElkEdge> labelled = new LinkedHashMap<>();
		for (DiagramEdge edge : graph.edges()) {
			ElkConnectableShape source = edge.sourcePort() != null ? elkPorts.get(edge.sourcePort())
					: elkNodes.get(edge.source());
			ElkConnectableShape target = edge.targetPort() != null ? elkPorts.get(edge.targetPort())
					: elkNodes.get(edge.target());
			List<ElkEdge> segments = segments(source, target, edge.id());
			elkEdges.put(edge, segments);
			if (edge.label() != null) {
				ElkEdge main = segments.stream().filter(segment -> segment.getContainingNode() == commonGraph(source, target))
						.findFirst().orElse(segments.get(0));
				String text = TextMetrics.fit(edge.label(), NodeFace.EDGE_LABEL_FONT, false, MAX_EDGE_LABEL_WIDTH);
				ElkLabel label = ElkGraphUtil.createLabel(text, main);
				label.setDimensions(Math.ceil(TextMetrics.width(text, NodeFace.EDGE_LABEL_FONT, false)) + 6,
						NodeFace.EDGE_LABEL_FONT + 5);
				labelled.put(edge, main);
			}
		}

		Algorithms.ENGINE.layout(root, new BasicProgressMonitor());

		Map<String, Box> nodeBoxes = new LinkedHashMap<>();
		elkNodes.forEach((id, elkNode) -> {
			KVector origin = absolute(elkNode.getParent());
			nodeBoxes.put(id, new Box(origin.x + elkNode.getX(), origin.y + elkNode.getY(), elkNode.getWidth(),
					elkNode.getHeight()));
		});
		Map<String, Box> portBoxes = new LinkedHashMap<>();
		elkPorts.forEach((id, elkPort) -> {
			KVector origin = absolute(elkPort.getParent());
			portBoxes.put(id, new Box(origin.x + elkPort.getX(), origin.y + elkPort.getY(), elkPort.getWidth(),
					elkPort.getHeight()));
		});
		List<RoutedEdge> routed = new ArrayList<>();
		elkEdges.forEach((edge, segments) -> {
			List<Point> points = new ArrayList<>();
			for (ElkEdge segment : segments) {
				KVector origin = absolute(segment.getContainingNode());
				for (ElkEdgeSection section : segment.getSections()) {
					addPoint(points, origin, section.getStartX(), section.getStartY());
					for (ElkBendPoint bend : section.getBendPoints()) {
						addPoint(points, origin, bend.getX(), bend.getY());
					}
					addPoint(points, origin, section.getEndX(), section.getEndY());
				}
			}
			ElkEdge main = labelled.get(edge);
			Box labelBox = null;
			String labelText = null;
			if (main != null) {
				KVector origin = absolute(main.getContainingNode());
				ElkLabel label = main.getLabels().get(0);
				labelBox = new Box(origin.x + label.getX(), origin.y + label.getY(), label.getWidth(), label.getHeight());
				labelText = label.getText();
			}
			routed.add(new RoutedEdge(edge, points, labelText, labelBox));
		});
		return new LaidOutDiagram(graph, root.getWidth(), root.getHeight(), nodeBoxes, portBoxes, routed);
	}

	/**
	 * ELK lays out each agent and flow on its own (which keeps the source order of their contents), so an
	 * edge that leaves its flow or agent is cut into segments that pass through ports on the borders: up from
	 * the source to the graph that contains both ends, across it, and down into the target.
	 */
	private static List<ElkEdge> segments(ElkConnectableShape source, ElkConnectableShape target, String id) {
		ElkNode common = commonGraph(source, target);
		List<ElkEdge> up = new ArrayList<>();
		ElkConnectableShape from = source;
		for (ElkNode container = graphOf(source, target); container != common; container = container.getParent()) {
			ElkPort exit = hierarchyPort(container, PortSide.EAST, id);
			up.add(segment(from, exit, id));
			from = exit;
		}
		List<ElkEdge> down = new ArrayList<>();
		ElkConnectableShape to = target;
		for (ElkNode container = graphOf(target, source); container != common; container = container.getParent()) {
			ElkPort entry = hierarchyPort(container, PortSide.WEST, id);
			down.add(0, segment(entry, to, id));
			to = entry;
		}
		List<ElkEdge> all = new ArrayList<>(up);
		all.add(segment(from, to, id));
		all.addAll(down);
		return all;
	}

	private static ElkEdge segment(ElkConnectableShape from, ElkConnectableShape to, String id) {
		ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
		edge.setIdentifier(id);
		ElkGraphUtil.updateContainment(edge);
		return edge;
	}

	private static ElkPort hierarchyPort(ElkNode container, PortSide side, String edgeId) {
		ElkPort port = ElkGraphUtil.createPort(container);
		port.setIdentifier(edgeId + "." + side.name().toLowerCase(java.util.Locale.ROOT));
		port.setDimensions(0, 0);
		port.setProperty(CoreOptions.PORT_SIDE, side);
		if (!container.getProperty(CoreOptions.PORT_CONSTRAINTS).isOrderFixed()) {
			container.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_SIDE);
		}
		return port;
	}

	/**
	 * The graph an edge end lies in: the parent of a node. A port of a node lies in the node's own graph
	 * when the other end is inside the node (the entry of a flow leading to its first step).
	 */
	private static ElkNode graphOf(ElkConnectableShape end, ElkConnectableShape otherEnd) {
		if (end instanceof ElkPort port && ElkGraphUtil.isDescendant(nodeOf(otherEnd), port.getParent())) {
			return port.getParent();
		}
		return nodeOf(end).getParent();
	}

	private static ElkNode nodeOf(ElkConnectableShape shape) {
		return shape instanceof ElkPort port ? port.getParent() : (ElkNode) shape;
	}

	/** The innermost graph that contains both ends (where the middle segment is laid out). */
	private static ElkNode commonGraph(ElkConnectableShape source, ElkConnectableShape target) {
		for (ElkNode candidate = graphOf(source, target); candidate != null; candidate = candidate.getParent()) {
			for (ElkNode other = graphOf(target, source); other != null; other = other.getParent()) {
				if (candidate == other) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("the ends of an edge lie in different diagrams");
	}

	private static void configureGraph(ElkNode node, ElkPadding padding) {
		node.setProperty(CoreOptions.PADDING, padding);
		node.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
		node.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		node.setProperty(CoreOptions.SPACING_NODE_NODE, 22.0);
		node.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 34.0);
		node.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
		node.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 10.0);
		node.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
		node.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
	}

	private static void addPoint(List<Point> points, KVector origin, double x, double y) {
		Point point = new Point(origin.x + x, origin.y + y);
		if (points.isEmpty() || !points.get(points.size() - 1).equals(point)) {
			points.add(point);
		}
	}

	/** The position of the node's top left corner in diagram coordinates (the root is at 0,0). */
	private static KVector absolute(ElkNode node) {
		KVector position = new KVector();
		for (ElkNode current = node; current != null && current.getParent() != null; current = current.getParent()) {
			position.x += current.getX();
			position.y += current.getY();
		}
		return position;
	}
}
