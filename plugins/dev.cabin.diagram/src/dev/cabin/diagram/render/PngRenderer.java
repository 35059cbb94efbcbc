package dev.cabin.diagram.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.imageio.ImageIO;

import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.layout.Point;
import dev.cabin.diagram.overlay.Highlight;

/**
 * Draws a diagram into a PNG image with Java2D (headless; no display needed). Large diagrams are drawn at a
 * smaller scale so that the image stays under {@value #MAX_PIXELS} pixels.
 */
public final class PngRenderer implements Surface {

	static final long MAX_PIXELS = 40_000_000L;
	private static final double PREFERRED_SCALE = 2;

	private final Graphics2D graphics;

	private PngRenderer(Graphics2D graphics) {
		this.graphics = graphics;
	}

	/** Writes the diagram as PNG at twice its size (less for very large diagrams). */
	public static void render(LaidOutDiagram diagram, Highlight highlight, OutputStream out) throws IOException {
		double area = Math.max(1, diagram.width() * diagram.height());
		double scale = Math.min(PREFERRED_SCALE, Math.sqrt(MAX_PIXELS / area));
		int width = (int) Math.ceil(diagram.width() * scale);
		int height = (int) Math.ceil(diagram.height() * scale);
		BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			graphics.setColor(color(DiagramStyle.BACKGROUND));
			graphics.fillRect(0, 0, width, height);
			graphics.scale(scale, scale);
			DiagramPainter.paint(diagram, highlight, null, new PngRenderer(graphics));
		} finally {
			graphics.dispose();
		}
		if (!ImageIO.write(image, "png", out)) {
			throw new IOException("no PNG writer in this Java runtime");
		}
	}

	@Override
	public void rect(Box box, double corner, Rgb fill, Rgb stroke, double strokeWidth, boolean dashed, String role) {
		RoundRectangle2D shape = new RoundRectangle2D.Double(box.x(), box.y(), box.width(), box.height(), 2 * corner,
				2 * corner);
		fillAndStroke(shape, fill, stroke, strokeWidth, dashed);
	}

	@Override
	public void text(double x, double y, String text, double fontSize, boolean bold, Rgb color, Anchor anchor) {
		graphics.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) fontSize));
		graphics.setColor(color(color));
		double start = anchor == Anchor.MIDDLE ? x - graphics.getFontMetrics().stringWidth(text) / 2.0 : x;
		graphics.drawString(text, (float) start, (float) y);
	}

	@Override
	public void polyline(List<Point> points, Rgb stroke, double width, boolean dashed) {
		if (points.size() < 2) {
			return;
		}
		fillAndStroke(path(points, false), null, stroke, width, dashed);
	}

	@Override
	public void polygon(List<Point> points, Rgb fill) {
		fillAndStroke(path(points, true), fill, null, 0, false);
	}

	@Override
	public void circle(Point center, double radius, Rgb fill, Rgb stroke) {
		fillAndStroke(new Ellipse2D.Double(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius), fill,
				stroke, 1.5, false);
	}

	private static Path2D path(List<Point> points, boolean closed) {
		Path2D path = new Path2D.Double();
		path.moveTo(points.get(0).x(), points.get(0).y());
		for (Point point : points.subList(1, points.size())) {
			path.lineTo(point.x(), point.y());
		}
		if (closed) {
			path.closePath();
		}
		return path;
	}

	private void fillAndStroke(java.awt.Shape shape, Rgb fill, Rgb stroke, double strokeWidth, boolean dashed) {
		if (fill != null) {
			graphics.setColor(color(fill));
			graphics.fill(shape);
		}
		if (stroke != null) {
			graphics.setColor(color(stroke));
			graphics.setStroke(dashed
					? new BasicStroke((float) strokeWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] { 5, 4 }, 0)
					: new BasicStroke((float) strokeWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
			graphics.draw(shape);
		}
	}

	private static Color color(Rgb rgb) {
		return new Color(rgb.red(), rgb.green(), rgb.blue());
	}
}
