package dev.cabin.ui.lab;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import dev.cabin.lab.LabReport;

/**
 * The confusion matrix of a lab test as a heatmap: a row per intent the corpus gives, a column per answer of
 * the engine (out of scope last), each cell as dark as the share of the row's utterances it holds; the
 * diagonal in blue, mistakes in red, counts written in the cells. Hovering a cell says what it counts.
 */
final class ConfusionHeatmap extends Canvas {

	private static final int CELL = 18;
	private static final int MARGIN = 6;

	private List<String> labels = List.of();
	private int[][] matrix = new int[0][0];
	private List<Point> extents = List.of();
	private int labelWidth = 80;

	ConfusionHeatmap(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED);
		addListener(SWT.Paint, event -> paint(event.gc));
		addListener(SWT.MouseMove, event -> {
			int row = (event.y - top()) / CELL;
			int column = (event.x - left()) / CELL;
			boolean inside = event.x >= left() && event.y >= top() && row < labels.size() && column < labels.size();
			setToolTipText(inside ? matrix[row][column] + " utterance" + (matrix[row][column] == 1 ? "" : "s") + " of "
					+ labels.get(row) + " recognized as " + labels.get(column) : null);
		});
	}

	void show(LabReport report) {
		labels = report.confusionLabels();
		matrix = report.confusion();
		GC gc = new GC(this);
		try {
			extents = labels.stream().map(gc::textExtent).toList();
			labelWidth = extents.stream().mapToInt(extent -> extent.x).max().orElse(40) + 8;
		} finally {
			gc.dispose();
		}
		getParent().layout(true, true);
		redraw();
	}

	int cell(int expected, int predicted) {
		return matrix[expected][predicted];
	}

	List<String> labels() {
		return labels;
	}

	/** The column's cells, from the first row to the last. */
	Rectangle column(int column) {
		return new Rectangle(left() + column * CELL, top(), CELL - 1, labels.size() * CELL - 1);
	}

	/**
	 * Where the label of a column is written, upwards just above it: the bounds of the turned text, as wide as
	 * the text is high and centred on the column, so that the last column's label stays inside the canvas too.
	 */
	Rectangle columnLabel(int column) {
		Point extent = extents.get(column);
		return new Rectangle(left() + column * CELL + (CELL - 1 - extent.y) / 2, top() - 4 - extent.x, extent.y,
				extent.x);
	}

	private int left() {
		return MARGIN + labelWidth;
	}

	private int top() {
		return MARGIN + labelWidth;
	}

	@Override
	public Point computeSize(int wHint, int hHint, boolean changed) {
		int size = MARGIN * 2 + labelWidth + CELL * Math.max(1, labels.size());
		return new Point(size, size);
	}

	private void paint(GC gc) {
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		if (labels.isEmpty()) {
			gc.drawText("Run a corpus to see its confusion matrix.", MARGIN, MARGIN, true);
			return;
		}
		for (int row = 0; row < labels.size(); row++) {
			int total = 0;
			for (int count : matrix[row]) {
				total += count;
			}
			for (int column = 0; column < labels.size(); column++) {
				int count = matrix[row][column];
				double share = total == 0 ? 0 : (double) count / total;
				Color fill = shade(row == column, share);
				gc.setBackground(fill);
				gc.fillRectangle(left() + column * CELL, top() + row * CELL, CELL - 1, CELL - 1);
				if (count > 0) {
					String text = count > 99 ? "99+" : Integer.toString(count);
					Point extent = gc.textExtent(text);
					gc.setForeground(getDisplay().getSystemColor(share > 0.5 ? SWT.COLOR_WHITE : SWT.COLOR_BLACK));
					gc.drawText(text, left() + column * CELL + (CELL - 1 - extent.x) / 2,
							top() + row * CELL + (CELL - 1 - extent.y) / 2, true);
				}
			}
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
			Point extent = gc.textExtent(labels.get(row));
			gc.drawText(labels.get(row), left() - extent.x - 4, top() + row * CELL + (CELL - 1 - extent.y) / 2, true);
		}
		Transform vertical = new Transform(getDisplay());
		try {
			for (int column = 0; column < labels.size(); column++) {
				Rectangle bounds = columnLabel(column);
				// turned a quarter anticlockwise, the text runs up from its bounds' lower left corner and its line's
				// height lies to the right of that corner
				vertical.identity();
				vertical.translate(bounds.x, bounds.y + bounds.height);
				vertical.rotate(-90);
				gc.setTransform(vertical);
				gc.drawText(labels.get(column), 0, 0, true);
			}
		} finally {
			gc.setTransform(null);
			vertical.dispose();
		}
	}

	/** Blue for the right answers, red for the wrong ones, darker for a larger share of the row. */
	private static Color shade(boolean diagonal, double share) {
		if (share == 0) {
			return new Color(245, 245, 245);
		}
		double strength = 0.15 + 0.85 * share;
		int light = (int) Math.round(255 - 200 * strength);
		return diagonal ? new Color(light, light + (255 - light) / 3, 255) : new Color(255, light, light);
	}
}
