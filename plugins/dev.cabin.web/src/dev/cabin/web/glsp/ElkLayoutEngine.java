package dev.cabin.web.glsp;

import java.util.List;

import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GPoint;
import org.eclipse.glsp.graph.util.GraphUtil;
import org.eclipse.glsp.server.layout.LayoutEngine;
import org.eclipse.glsp.server.model.GModelState;

import com.google.inject.Inject;

import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.DiagramLayouter;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.layout.NodeFace;
import dev.cabin.diagram.layout.Point;
import dev.cabin.diagram.layout.RoutedEdge;

/**
 * GLSP's layout engine done by Cabin's own ELK layout ({@link DiagramLayouter}), the one Studio and
 * {@code cabin diagram} draw with: nodes get their boxes (relative to the node they sit in, as GLSP wants),
 * labels their baselines as the SVG renderer places them, edges the bend points of their routes (the browser
 * places edge labels itself).
 */
final class ElkLayoutEngine implements LayoutEngine {

	@Inject
	private GModelState state;

	@Override
	public void layout() {
		CabinDocument document = CabinDocument.of(state).orElse(null);
		if (document == null || document.graph == null) {
			return;
		}
		LaidOutDiagram diagram = DiagramLayouter.layout(document.graph);
		for (DiagramNode node : document.graph.nodes()) {
			if (state.getIndex().get(node.id()).orElse(null) instanceof GNode gnode) {
				place(gnode, node, diagram);
			}
		}
		for (RoutedEdge routed : diagram.edges()) {
			if (state.getIndex().get(routed.edge().id()).orElse(null) instanceof GEdge gedge) {
				route(gedge, routed);
			}
		}
	}

	private static void place(GNode gnode, DiagramNode node, LaidOutDiagram diagram) {
		Box box = diagram.box(node.id());
		Box parent = node.parentId() == null ? null : diagram.box(node.parentId());
		gnode.setPosition(GraphUtil.point(box.x() - (parent == null ? 0 : parent.x()),
				box.y() - (parent == null ? 0 : parent.y())));
		gnode.setSize(GraphUtil.dimension(box.width(), box.height()));
		double x = NodeFace.STRIPE + NodeFace.PADDING;
		double baseline = NodeFace.banded(node) ? NodeFace.HEADER_HEIGHT / 2 + NodeFace.TITLE_FONT / 2 - 1
				: NodeFace.titleBaseline(node);
		for (GModelElement child : gnode.getChildren()) {
			if (child instanceof GLabel label) {
				label.setPosition(GraphUtil.point(x, baseline));
				baseline += NodeFace.LINE_HEIGHT;
			}
		}
	}

	private static void route(GEdge gedge, RoutedEdge routed) {
		List<Point> points = routed.points();
		gedge.getRoutingPoints().clear();
		for (int i = 1; i < points.size() - 1; i++) {
			GPoint point = GraphUtil.point(points.get(i).x(), points.get(i).y());
			gedge.getRoutingPoints().add(point);
		}
		for (GModelElement child : gedge.getChildren()) {
			if (child instanceof GLabel label && routed.label() != null) {
				label.setText(routed.label());
			}
		}
	}
}
