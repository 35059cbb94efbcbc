package dev.cabin.diagram.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cabin.diagram.graph.DiagramEdge;
import dev.cabin.diagram.graph.DiagramGraph;
import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.graph.DiagramPort;
import dev.cabin.diagram.graph.Modality;
import dev.cabin.diagram.graph.NodeKind;
import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.layout.NodeFace;
import dev.cabin.diagram.layout.Point;
import dev.cabin.diagram.layout.RoutedEdge;
import dev.cabin.diagram.layout.TextMetrics;
import dev.cabin.diagram.overlay.Highlight;

/**
 * Draws a laid-out diagram on a {@link Surface}, the same way for every output: agents and flows first (as
 * titled frames), then the edges, then the boxes, the ports and the edge labels on top. A highlight (a
 * simulated conversation) changes strokes and adds visit numbers; the selected node gets a ring.
 */
public final class DiagramPainter {

	private static final double ARROW_LENGTH = 8;
	private static final double ARROW_HALF_WIDTH = 4;

	private final LaidOutDiagram diagram;
	private final Highlight highlight;
	private final String selected;
	private final Surface surface;

	private DiagramPainter(LaidOutDiagram diagram, Highlight highlight, String selected, Surface surface) {
		this.diagram = diagram;
		this.highlight = highlight;
		this.selected = selected;
		this.surface = surface;
	}

	/**
	 * @param highlight what to highlight ({@link Highlight#NONE} for nothing)
	 * @param selected the id of the selected node, or {@code null}
	 */
	public static void paint(LaidOutDiagram diagram, Highlight highlight, String selected, Surface surface) {
		new DiagramPainter(diagram, highlight, selected, surface).paint();
	}

	private void paint() {
		DiagramGraph graph = diagram.graph();
		graph.nodes().stream().filter(NodeFace::banded)
				.sorted(Comparator.comparingInt(node -> graph.depth(node.id())))
				.forEach(this::frame);
		diagram.edges().forEach(this::edge);
		graph.nodes().stream().filter(node -> !NodeFace.banded(node)).forEach(this::box);
		graph.ports().forEach(this::port);
		diagram.edges().stream().filter(edge -> edge.labelBox() != null).forEach(this::label);
	}

	/* ---------------------------------------------------------------- nodes */

	private void frame(DiagramNode node) {
		Box box = diagram.box(node.id());
		begin(node);
		boolean visited = highlight.visited(node.id());
		Rgb stroke = visited ? DiagramStyle.VISITED
				: node.kind() == NodeKind.AGENT ? DiagramStyle.AGENT_STROKE : DiagramStyle.FLOW_STROKE;
		Rgb band = node.kind() == NodeKind.AGENT ? DiagramStyle.AGENT_BAND : DiagramStyle.FLOW_BAND;
		surface.rect(box, NodeFace.CORNER, node.kind() == NodeKind.AGENT ? DiagramStyle.AGENT_FILL
				: DiagramStyle.FLOW_FILL, stroke, strokeWidth(node), false, "box");
		double bandHeight = Math.min(box.height(), NodeFace.HEADER_HEIGHT);
		surface.rect(new Box(box.x() + 1, box.y() + 1, box.width() - 2, bandHeight - 1), NodeFace.CORNER - 1, band,
				null, 0, false, "band");
		if (bandHeight < box.height()) {
			surface.rect(new Box(box.x() + 1, box.y() + bandHeight / 2, box.width() - 2, bandHeight / 2), 0, band,
					null, 0, false, "band");
		}
		double x = box.x() + NodeFace.PADDING + NodeFace.STRIPE;
		double baseline = box.y() + NodeFace.HEADER_HEIGHT / 2 + NodeFace.TITLE_FONT / 2 - 1;
		String title = NodeFace.title(node);
		surface.text(x, baseline, title, NodeFace.TITLE_FONT, true, DiagramStyle.TITLE, Surface.Anchor.START);
		x += TextMetrics.width(title, NodeFace.TITLE_FONT, true) + 12;
		for (String detail : NodeFace.details(node)) {
			surface.text(x, baseline, detail, NodeFace.DETAIL_FONT, false, DiagramStyle.MUTED, Surface.Anchor.START);
			x += TextMetrics.width(detail, NodeFace.DETAIL_FONT, false) + 12;
		}
		visitMarker(node, box);
		selectionHalo(node, box);
		surface.endGroup();
	}

	private void box(DiagramNode node) {
		Box box = diagram.box(node.id());
		begin(node);
		Rgb kindColor = DiagramStyle.of(node.kind());
		boolean active = node.id().equals(highlight.active());
		Rgb stroke = active ? DiagramStyle.ACTIVE
				: highlight.visited(node.id()) || highlight.fired().containsKey(node.id())
						|| highlight.recognized().contains(node.id()) ? DiagramStyle.VISITED : null;
		if (NodeFace.terminal(node)) {
			boolean end = node.kind() == NodeKind.END;
			surface.rect(box, box.height() / 2, end ? kindColor : DiagramStyle.BOX_FILL,
					stroke != null ? stroke : kindColor, strokeWidth(node), !end, "box");
			surface.text(box.x() + box.width() / 2, box.y() + box.height() / 2 + NodeFace.DETAIL_FONT / 2 - 1,
					NodeFace.title(node), NodeFace.DETAIL_FONT, true, end ? DiagramStyle.ON_HIGHLIGHT : DiagramStyle.MUTED,
					Surface.Anchor.MIDDLE);
		} else {
			surface.rect(box, NodeFace.CORNER, active ? DiagramStyle.ACTIVE_FILL : DiagramStyle.BOX_FILL,
					stroke != null ? stroke : DiagramStyle.BOX_STROKE, strokeWidth(node),
					node.kind() == NodeKind.EXTERNAL_AGENT, "box");
			Rgb stripe = node.kind() == NodeKind.TRIGGER && !node.modalities().isEmpty()
					? DiagramStyle.of(node.modalities().get(0)) : kindColor;
			surface.rect(new Box(box.x() + 3, box.y() + 4, NodeFace.STRIPE - 1, box.height() - 8), 2, stripe, null, 0,
					false, "stripe");
			double x = box.x() + NodeFace.STRIPE + NodeFace.PADDING;
			badges(node, x, box.y() + NodeFace.PADDING);
			double baseline = box.y() + NodeFace.titleBaseline(node);
			surface.text(x, baseline, NodeFace.title(node), NodeFace.TITLE_FONT, true, DiagramStyle.TITLE,
					Surface.Anchor.START);
			for (String detail : NodeFace.details(node)) {
				baseline += NodeFace.LINE_HEIGHT;
				surface.text(x, baseline, detail, NodeFace.DETAIL_FONT, false, DiagramStyle.DETAIL, Surface.Anchor.START);
			}
		}
		visitMarker(node, box);
		selectionHalo(node, box);
		surface.endGroup();
	}

	/** The selected box gets a ring around it, so that the colours of its own border (an overlay) stay. */
	private void selectionHalo(DiagramNode node, Box box) {
		if (node.id().equals(selected)) {
			double corner = NodeFace.terminal(node) ? box.height() / 2 + 4 : NodeFace.CORNER + 4;
			surface.rect(box.grow(4), corner, null, DiagramStyle.SELECTION, 2, false, "selection");
		}
	}

	private void badges(DiagramNode node, double x, double y) {
		Set<Modality> fired = highlight.fired().getOrDefault(node.id(), Set.of());
		for (Modality modality : node.modalities()) {
			double width = NodeFace.badgeWidth(modality);
			Box badge = new Box(x, y, width, NodeFace.BADGE_HEIGHT);
			boolean firedBy = fired.contains(modality);
			surface.rect(badge, 3, firedBy ? DiagramStyle.VISITED : DiagramStyle.of(modality), null, 0, false,
					"badge " + modality.cssName() + (firedBy ? " fired" : ""));
			surface.text(x + width / 2, y + NodeFace.BADGE_HEIGHT - 4, modality.badge(), NodeFace.BADGE_FONT, true,
					DiagramStyle.ON_HIGHLIGHT, Surface.Anchor.MIDDLE);
			x += width + NodeFace.BADGE_GAP;
		}
	}

	/** The numbers of the visits, in a pill on the top right corner. */
	private void visitMarker(DiagramNode node, Box box) {
		List<Integer> visits = highlight.visits().get(node.id());
		if (visits == null) {
			return;
		}
		String text = visits.stream().map(String::valueOf).collect(Collectors.joining(","));
		double width = Math.max(18, TextMetrics.width(text, NodeFace.BADGE_FONT, true) + 10);
		Box pill = new Box(box.right() - width + 4, box.y() - 8, width, 16);
		surface.rect(pill, 8, node.id().equals(highlight.active()) ? DiagramStyle.ACTIVE : DiagramStyle.VISITED, null, 0,
				false, "visit");
		surface.text(pill.x() + width / 2, pill.y() + 12, text, NodeFace.BADGE_FONT, true, DiagramStyle.ON_HIGHLIGHT,
				Surface.Anchor.MIDDLE);
	}

	private double strokeWidth(DiagramNode node) {
		if (node.id().equals(highlight.active())) {
			return 3.5;
		}
		if (highlight.visited(node.id()) || highlight.fired().containsKey(node.id())
				|| highlight.recognized().contains(node.id())) {
			return 2.5;
		}
		return NodeFace.banded(node) ? 1.2 : 1;
	}

	private void begin(DiagramNode node) {
		List<String> classes = new ArrayList<>(List.of("node", node.kind().cssName()));
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("data-kind", node.kind().cssName());
		if (node.parentId() != null) {
			attributes.put("data-parent", node.parentId());
		}
		if (node.source() != null) {
			attributes.put("data-source", node.source().format());
		}
		if (node.step()) {
			classes.add("step");
		}
		if (node.collapsed()) {
			classes.add("collapsed");
		}
		if (!node.modalities().isEmpty()) {
			attributes.put("data-modalities",
					node.modalities().stream().map(Modality::cssName).collect(Collectors.joining(" ")));
		}
		if (highlight.visited(node.id())) {
			classes.add("visited");
			attributes.put("data-visits",
					highlight.visits().get(node.id()).stream().map(String::valueOf).collect(Collectors.joining(" ")));
		}
		if (node.id().equals(highlight.active())) {
			classes.add("active");
		}
		if (highlight.fired().containsKey(node.id())) {
			classes.add("fired");
			attributes.put("data-fired", cssNames(highlight.fired().get(node.id())));
		}
		if (highlight.recognized().contains(node.id())) {
			classes.add("recognized");
		}
		if (node.id().equals(selected)) {
			classes.add("selected");
		}
		StringBuilder tooltip = new StringBuilder(node.title());
		node.details().forEach(detail -> tooltip.append('\n').append(detail));
		if (node.source() != null) {
			tooltip.append('\n').append(node.source().format());
		}
		surface.beginGroup(node.id(), String.join(" ", classes), attributes, tooltip.toString());
	}

	/** Modality names in the enum's order, so that the output does not depend on set iteration order. */
	private static String cssNames(Set<Modality> modalities) {
		return modalities.stream().sorted().map(Modality::cssName).collect(Collectors.joining(" "));
	}

	/* ---------------------------------------------------------------- edges and ports */

	private void edge(RoutedEdge routed) {
		DiagramEdge edge = routed.edge();
		boolean taken = highlight.taken().contains(edge.id());
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("data-from", edge.source());
		attributes.put("data-to", edge.target());
		if (edge.sourcePort() != null) {
			attributes.put("data-from-port", edge.sourcePort());
		}
		if (edge.targetPort() != null) {
			attributes.put("data-to-port", edge.targetPort());
		}
		if (edge.label() != null) {
			attributes.put("data-label", edge.label());
		}
		surface.beginGroup(edge.id(), "edge " + edge.kind().cssName() + (taken ? " taken" : ""), attributes, null);
		Rgb color = taken ? DiagramStyle.VISITED : DiagramStyle.EDGE;
		List<Point> points = routed.points();
		surface.polyline(points, color, taken ? 2.6 : 1.3, edge.kind().dashed());
		if (points.size() >= 2) {
			surface.polygon(arrowHead(points.get(points.size() - 2), points.get(points.size() - 1)), color);
		}
		surface.endGroup();
	}

	private static List<Point> arrowHead(Point from, Point tip) {
		double dx = tip.x() - from.x();
		double dy = tip.y() - from.y();
		double length = Math.hypot(dx, dy);
		if (length == 0) {
			return List.of(tip, tip, tip);
		}
		double ux = dx / length;
		double uy = dy / length;
		double baseX = tip.x() - ux * ARROW_LENGTH;
		double baseY = tip.y() - uy * ARROW_LENGTH;
		return List.of(tip, new Point(baseX - uy * ARROW_HALF_WIDTH, baseY + ux * ARROW_HALF_WIDTH),
				new Point(baseX + uy * ARROW_HALF_WIDTH, baseY - ux * ARROW_HALF_WIDTH));
	}

	private void port(DiagramPort port) {
		Box box = diagram.portBoxes().get(port.id());
		DiagramNode owner = diagram.graph().node(port.nodeId());
		surface.beginGroup(port.id(), "port", Map.of("data-node", port.nodeId()), null);
		surface.circle(new Point(box.x() + box.width() / 2, box.y() + box.height() / 2), box.width() / 2 - 0.5,
				DiagramStyle.BOX_FILL, DiagramStyle.of(owner.kind()));
		surface.endGroup();
	}

	private void label(RoutedEdge routed) {
		Box box = routed.labelBox();
		boolean taken = highlight.taken().contains(routed.edge().id());
		surface.beginGroup(null, "edge-label", Map.of("data-edge", routed.edge().id()), null);
		surface.rect(box, 3, DiagramStyle.LABEL_FILL, taken ? DiagramStyle.VISITED : DiagramStyle.BOX_STROKE, 0.8,
				false, "label");
		surface.text(box.x() + box.width() / 2, box.bottom() - 4, routed.label(), NodeFace.EDGE_LABEL_FONT, false,
				taken ? DiagramStyle.VISITED : DiagramStyle.DETAIL, Surface.Anchor.MIDDLE);
		surface.endGroup();
	}
}
