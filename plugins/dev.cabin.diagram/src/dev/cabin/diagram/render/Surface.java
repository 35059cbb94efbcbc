package dev.cabin.diagram.render;

import java.util.List;
import java.util.Map;

import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.Point;

/**
 * Where {@link DiagramPainter} draws: SVG text, a Java2D image, an SWT canvas. Coordinates are diagram
 * coordinates; a surface scales them as it needs.
 */
public interface Surface {

	/** How text is placed relative to its x coordinate. */
	enum Anchor {
		START, MIDDLE
	}

	/**
	 * Starts a group of shapes that stands for one element of the diagram (only SVG keeps groups).
	 *
	 * @param cssClass space-separated classes
	 * @param attributes further attributes ({@code data-...}), in a stable order
	 * @param tooltip the full text of the element, or {@code null}
	 */
	default void beginGroup(String id, String cssClass, Map<String, String> attributes, String tooltip) {
	}

	default void endGroup() {
	}

	/**
	 * @param fill {@code null} for none
	 * @param stroke {@code null} for none
	 * @param role what the rectangle is to readers of the output ({@code box} for a node's box), or {@code null}
	 */
	void rect(Box box, double corner, Rgb fill, Rgb stroke, double strokeWidth, boolean dashed, String role);

	/** Draws one line of text with its baseline at y. */
	void text(double x, double y, String text, double fontSize, boolean bold, Rgb color, Anchor anchor);

	void polyline(List<Point> points, Rgb stroke, double width, boolean dashed);

	void polygon(List<Point> points, Rgb fill);

	void circle(Point center, double radius, Rgb fill, Rgb stroke);
}
