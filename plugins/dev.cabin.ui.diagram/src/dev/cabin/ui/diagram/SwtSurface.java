package dev.cabin.ui.diagram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.LineAttributes;
import org.eclipse.swt.graphics.Path;

import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.Point;
import dev.cabin.diagram.render.Rgb;
import dev.cabin.diagram.render.Surface;

/**
 * Draws the diagram with an SWT graphics context (whose transform does the zoom and the scrolling), with
 * float paths so that boxes and edges stay exact at any zoom.
 */
final class SwtSurface implements Surface {

	/** The fonts of the diagram, by pixel size and weight, created once per canvas. */
	static final class Fonts {
		private final Device device;
		private final Map<String, Font> fonts = new HashMap<>();

		Fonts(Device device) {
			this.device = device;
		}

		Font get(double pixels, boolean bold) {
			return fonts.computeIfAbsent(pixels + (bold ? "b" : ""), key -> {
				FontData system = device.getSystemFont().getFontData()[0];
				int points = Math.max(1, (int) Math.round(pixels * 72 / device.getDPI().y));
				return new Font(device, system.getName(), points, bold ? SWT.BOLD : SWT.NORMAL);
			});
		}

		void dispose() {
			fonts.values().forEach(Font::dispose);
			fonts.clear();
		}
	}

	private final GC gc;
	private final Fonts fonts;

	SwtSurface(GC gc, Fonts fonts) {
		this.gc = gc;
		this.fonts = fonts;
	}

	@Override
	public void rect(Box box, double corner, Rgb fill, Rgb stroke, double strokeWidth, boolean dashed, String role) {
		Path path = new Path(gc.getDevice());
		try {
			float r = (float) Math.min(corner, Math.min(box.width(), box.height()) / 2);
			float x = (float) box.x();
			float y = (float) box.y();
			float w = (float) box.width();
			float h = (float) box.height();
			if (r <= 0) {
				path.addRectangle(x, y, w, h);
			} else {
				path.moveTo(x + r, y);
				path.lineTo(x + w - r, y);
				path.addArc(x + w - 2 * r, y, 2 * r, 2 * r, 90, -90);
				path.lineTo(x + w, y + h - r);
				path.addArc(x + w - 2 * r, y + h - 2 * r, 2 * r, 2 * r, 0, -90);
				path.lineTo(x + r, y + h);
				path.addArc(x, y + h - 2 * r, 2 * r, 2 * r, 270, -90);
				path.lineTo(x, y + r);
				path.addArc(x, y, 2 * r, 2 * r, 180, -90);
				path.close();
			}
			draw(path, fill, stroke, strokeWidth, dashed);
		} finally {
			path.dispose();
		}
	}

	@Override
	public void text(double x, double y, String text, double fontSize, boolean bold, Rgb color, Anchor anchor) {
		gc.setFont(fonts.get(fontSize, bold));
		gc.setForeground(color(color));
		double left = anchor == Anchor.MIDDLE ? x - gc.textExtent(text).x / 2.0 : x;
		int top = (int) Math.round(y - gc.getFontMetrics().getAscent());
		gc.drawText(text, (int) Math.round(left), top, true);
	}

	@Override
	public void polyline(List<Point> points, Rgb stroke, double width, boolean dashed) {
		if (points.size() < 2) {
			return;
		}
		Path path = path(points, false);
		try {
			draw(path, null, stroke, width, dashed);
		} finally {
			path.dispose();
		}
	}

	@Override
	public void polygon(List<Point> points, Rgb fill) {
		Path path = path(points, true);
		try {
			draw(path, fill, null, 0, false);
		} finally {
			path.dispose();
		}
	}

	@Override
	public void circle(Point center, double radius, Rgb fill, Rgb stroke) {
		Path path = new Path(gc.getDevice());
		try {
			path.addArc((float) (center.x() - radius), (float) (center.y() - radius), (float) (2 * radius),
					(float) (2 * radius), 0, 360);
			draw(path, fill, stroke, 1.5, false);
		} finally {
			path.dispose();
		}
	}

	private Path path(List<Point> points, boolean closed) {
		Path path = new Path(gc.getDevice());
		path.moveTo((float) points.get(0).x(), (float) points.get(0).y());
		for (Point point : points.subList(1, points.size())) {
			path.lineTo((float) point.x(), (float) point.y());
		}
		if (closed) {
			path.close();
		}
		return path;
	}

	private void draw(Path path, Rgb fill, Rgb stroke, double strokeWidth, boolean dashed) {
		if (fill != null) {
			gc.setBackground(color(fill));
			gc.fillPath(path);
		}
		if (stroke != null) {
			gc.setForeground(color(stroke));
			gc.setLineAttributes(new LineAttributes((float) strokeWidth, SWT.CAP_FLAT, SWT.JOIN_ROUND,
					dashed ? SWT.LINE_CUSTOM : SWT.LINE_SOLID, dashed ? new float[] { 5, 4 } : null, 0, 10));
			gc.drawPath(path);
		}
	}

	private static Color color(Rgb rgb) {
		return new Color(rgb.red(), rgb.green(), rgb.blue());
	}
}
