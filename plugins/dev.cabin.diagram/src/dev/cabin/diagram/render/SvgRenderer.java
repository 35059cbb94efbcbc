package dev.cabin.diagram.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.layout.Point;
import dev.cabin.diagram.overlay.Highlight;

/**
 * Writes a diagram as a stand-alone SVG document for reviews and reports. Every element of the diagram is a
 * {@code <g>} with the element's id, classes (kind, {@code step}, overlay state) and {@code data-} attributes
 * ({@code data-source="file:line:col-line:col"}, {@code data-from}/{@code data-to} on edges); every node's
 * box is its first {@code <rect class="box">} with absolute {@code x}, {@code y}, {@code width},
 * {@code height}. Numbers have at most one decimal, so the same diagram gives the same bytes.
 */
public final class SvgRenderer implements Surface {

	private static final String FONT = "'DejaVu Sans', 'Segoe UI', Helvetica, Arial, 'Noto Sans CJK SC', sans-serif";

	private final StringBuilder svg = new StringBuilder();
	private int depth = 1;

	private SvgRenderer() {
	}

	/** The SVG document of the diagram, with the highlight drawn. */
	public static String render(LaidOutDiagram diagram, Highlight highlight, String title) {
		SvgRenderer renderer = new SvgRenderer();
		double width = Math.ceil(diagram.width());
		double height = Math.ceil(diagram.height());
		renderer.svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
				.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(number(width))
				.append("\" height=\"").append(number(height)).append("\" viewBox=\"0 0 ").append(number(width))
				.append(' ').append(number(height)).append("\" font-family=\"").append(FONT).append("\">\n");
		renderer.svg.append("  <title>").append(escape(title)).append("</title>\n");
		renderer.svg.append("  <style>.node, .edge { cursor: pointer; } text { white-space: pre; }</style>\n");
		renderer.rect(new Box(0, 0, width, height), 0, DiagramStyle.BACKGROUND, null, 0, false, "background");
		DiagramPainter.paint(diagram, highlight, null, renderer);
		renderer.svg.append("</svg>\n");
		return renderer.svg.toString();
	}

	@Override
	public void beginGroup(String id, String cssClass, Map<String, String> attributes, String tooltip) {
		indent().append("<g");
		if (id != null) {
			attribute("id", id);
		}
		attribute("class", cssClass);
		attributes.forEach(this::attribute);
		svg.append(">\n");
		depth++;
		if (tooltip != null) {
			indent().append("<title>").append(escape(tooltip)).append("</title>\n");
		}
	}

	@Override
	public void endGroup() {
		depth--;
		indent().append("</g>\n");
	}

	@Override
	public void rect(Box box, double corner, Rgb fill, Rgb stroke, double strokeWidth, boolean dashed, String role) {
		indent().append("<rect");
		if (role != null) {
			attribute("class", role);
		}
		attribute("x", number(box.x()));
		attribute("y", number(box.y()));
		attribute("width", number(box.width()));
		attribute("height", number(box.height()));
		if (corner > 0) {
			attribute("rx", number(corner));
		}
		paint(fill, stroke, strokeWidth, dashed);
		svg.append("/>\n");
	}

	@Override
	public void text(double x, double y, String text, double fontSize, boolean bold, Rgb color, Anchor anchor) {
		indent().append("<text");
		attribute("x", number(x));
		attribute("y", number(y));
		attribute("font-size", number(fontSize));
		if (bold) {
			attribute("font-weight", "bold");
		}
		if (anchor == Anchor.MIDDLE) {
			attribute("text-anchor", "middle");
		}
		attribute("fill", color.css());
		svg.append('>').append(escape(text)).append("</text>\n");
	}

	@Override
	public void polyline(List<Point> points, Rgb stroke, double width, boolean dashed) {
		indent().append("<path");
		StringBuilder d = new StringBuilder();
		for (Point point : points) {
			d.append(d.length() == 0 ? "M" : " L").append(number(point.x())).append(' ').append(number(point.y()));
		}
		attribute("d", d.toString());
		paint(null, stroke, width, dashed);
		svg.append("/>\n");
	}

	@Override
	public void polygon(List<Point> points, Rgb fill) {
		indent().append("<polygon");
		StringBuilder coordinates = new StringBuilder();
		for (Point point : points) {
			if (coordinates.length() > 0) {
				coordinates.append(' ');
			}
			coordinates.append(number(point.x())).append(',').append(number(point.y()));
		}
		attribute("points", coordinates.toString());
		paint(fill, null, 0, false);
		svg.append("/>\n");
	}

	@Override
	public void circle(Point center, double radius, Rgb fill, Rgb stroke) {
		indent().append("<circle");
		attribute("cx", number(center.x()));
		attribute("cy", number(center.y()));
		attribute("r", number(radius));
		paint(fill, stroke, 1.5, false);
		svg.append("/>\n");
	}

	private void paint(Rgb fill, Rgb stroke, double strokeWidth, boolean dashed) {
		attribute("fill", fill == null ? "none" : fill.css());
		if (stroke != null) {
			attribute("stroke", stroke.css());
			attribute("stroke-width", number(strokeWidth));
			if (dashed) {
				attribute("stroke-dasharray", "5 4");
			}
		}
	}

	private StringBuilder indent() {
		return svg.append("  ".repeat(depth));
	}

	private void attribute(String name, String value) {
		svg.append(' ').append(name).append("=\"").append(escape(value)).append('"');
	}

	/** At most one decimal, no trailing zeros, never "-0". */
	static String number(double value) {
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
		if (rounded.signum() == 0) {
			return "0";
		}
		return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
			case '<' -> escaped.append("&lt;");
			case '>' -> escaped.append("&gt;");
			case '&' -> escaped.append("&amp;");
			case '"' -> escaped.append("&quot;");
			case '\n' -> escaped.append("&#10;");
			default -> {
				// XML 1.0 forbids most control characters even as references
				if (c >= 0x20 || c == '\t') {
					escaped.append(c);
				}
			}
			}
		}
		return escaped.toString();
	}
}
