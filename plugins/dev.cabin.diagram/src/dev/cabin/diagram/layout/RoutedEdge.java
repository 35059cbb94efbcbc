package dev.cabin.diagram.layout;

import java.util.List;

import dev.cabin.diagram.graph.DiagramEdge;

/**
 * An edge with its route, from a point on its source (node or port) to a point on its target, through its
 * bend points.
 *
 * @param label the label text as drawn (shortened to fit), or {@code null}
 * @param labelBox where the label is drawn, or {@code null}
 */
public record RoutedEdge(DiagramEdge edge, List<Point> points, String label, Box labelBox) {

	public RoutedEdge {
		points = List.copyOf(points);
	}
}
