package dev.cabin.diagram.layout;

/** A rectangle in diagram coordinates. */
public record Box(double x, double y, double width, double height) {

	public double right() {
		return x + width;
	}

	public double bottom() {
		return y + height;
	}

	public boolean contains(double px, double py) {
		return px >= x && px <= right() && py >= y && py <= bottom();
	}

	public boolean contains(Box other) {
		return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
	}

	/** Whether the two rectangles share some area (touching edges do not count). */
	public boolean overlaps(Box other) {
		return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
	}

	/** The distance from the point to the nearest side of the rectangle (0 on a side). */
	public double distanceToBorder(Point point) {
		double dx = Math.max(Math.max(x - point.x(), 0), point.x() - right());
		double dy = Math.max(Math.max(y - point.y(), 0), point.y() - bottom());
		if (dx > 0 || dy > 0) {
			return Math.hypot(dx, dy);
		}
		return Math.min(Math.min(point.x() - x, right() - point.x()), Math.min(point.y() - y, bottom() - point.y()));
	}

	public Box grow(double margin) {
		return new Box(x - margin, y - margin, width + 2 * margin, height + 2 * margin);
	}
}
