package dev.cabin.ui.diagram;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.layout.Point;
import dev.cabin.diagram.overlay.Highlight;
import dev.cabin.diagram.render.DiagramPainter;
import dev.cabin.diagram.render.DiagramStyle;

/**
 * An SWT canvas that shows a laid-out diagram: zoom (Ctrl+wheel, + and -, at the pointer), pan (drag the
 * background, wheel, Shift+wheel, arrow keys), fit (0), select a box (click), open a box (double-click).
 */
public final class DiagramCanvas extends Canvas {

	private static final double MIN_ZOOM = 0.05;
	private static final double MAX_ZOOM = 4;
	private static final double STEP = 1.25;
	private static final int MARGIN = 12;

	private final SwtSurface.Fonts fonts;
	private LaidOutDiagram diagram;
	private Highlight highlight = Highlight.NONE;
	private String selected;
	private double zoom = 1;
	/** The diagram point shown at the canvas's top left corner. */
	private double originX;
	private double originY;
	private int[] dragStart;
	private Consumer<String> onSelect = id -> {
	};
	private Consumer<String> onOpen = id -> {
	};

	public DiagramCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED);
		fonts = new SwtSurface.Fonts(getDisplay());
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addListener(SWT.Paint, this::paint);
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, event -> dragStart = null);
		addListener(SWT.MouseDoubleClick, this::mouseDoubleClick);
		addListener(SWT.MouseVerticalWheel, this::wheel);
		addListener(SWT.MouseHorizontalWheel, event -> panBy(-event.count * 30, 0));
		addListener(SWT.KeyDown, this::key);
		addListener(SWT.Dispose, event -> fonts.dispose());
	}

	/** Called with the id of the box the user clicked, or {@code null} for the background. */
	void onSelect(Consumer<String> listener) {
		this.onSelect = listener;
	}

	/** Called with the id of the box the user double-clicked. */
	void onOpen(Consumer<String> listener) {
		this.onOpen = listener;
	}

	/** Shows a new diagram; the first one is fitted to the canvas, later ones keep the zoom and position. */
	void setDiagram(LaidOutDiagram newDiagram) {
		boolean first = diagram == null;
		diagram = newDiagram;
		if (first) {
			fit();
		} else {
			redraw();
		}
	}

	public LaidOutDiagram diagram() {
		return diagram;
	}

	void setHighlight(Highlight newHighlight) {
		highlight = newHighlight;
		redraw();
	}

	/** Selects a box (or nothing) and scrolls it into view if it is not. */
	void setSelection(String id) {
		selected = id;
		Box box = id == null || diagram == null ? null : diagram.box(id);
		if (box != null) {
			reveal(box);
		}
		redraw();
	}

	public String selection() {
		return selected;
	}

	public double zoom() {
		return zoom;
	}

	/** Zooms so that the whole diagram fits (never above 100 %), centred. */
	public void fit() {
		Rectangle area = getClientArea();
		if (diagram == null || area.width <= 2 * MARGIN || area.height <= 2 * MARGIN) {
			redraw();
			return;
		}
		zoom = clamp(Math.min(1, Math.min((area.width - 2 * MARGIN) / diagram.width(),
				(area.height - 2 * MARGIN) / diagram.height())));
		originX = (diagram.width() - area.width / zoom) / 2;
		originY = (diagram.height() - area.height / zoom) / 2;
		redraw();
	}

	/** Zooms to the given scale with the box of the node in the middle. */
	public void zoomTo(double scale, String nodeId) {
		Box box = diagram == null ? null : diagram.box(nodeId);
		if (box == null) {
			return;
		}
		Rectangle area = getClientArea();
		zoom = clamp(scale);
		originX = box.x() + box.width() / 2 - area.width / zoom / 2;
		originY = box.y() + box.height() / 2 - area.height / zoom / 2;
		redraw();
	}

	/** Zooms by the factor, keeping the diagram point under the canvas point where it is. */
	public void zoomBy(double factor, int atX, int atY) {
		Point fixed = toDiagram(atX, atY);
		zoom = clamp(zoom * factor);
		originX = fixed.x() - atX / zoom;
		originY = fixed.y() - atY / zoom;
		redraw();
	}

	public void zoomIn() {
		Rectangle area = getClientArea();
		zoomBy(STEP, area.width / 2, area.height / 2);
	}

	public void zoomOut() {
		Rectangle area = getClientArea();
		zoomBy(1 / STEP, area.width / 2, area.height / 2);
	}

	/** The diagram point at a canvas point. */
	public Point toDiagram(int x, int y) {
		return new Point(originX + x / zoom, originY + y / zoom);
	}

	/** The canvas point of a diagram point. */
	public org.eclipse.swt.graphics.Point toCanvas(Point point) {
		return new org.eclipse.swt.graphics.Point((int) Math.round((point.x() - originX) * zoom),
				(int) Math.round((point.y() - originY) * zoom));
	}

	private void reveal(Box box) {
		Rectangle area = getClientArea();
		double viewWidth = area.width / zoom;
		double viewHeight = area.height / zoom;
		if (box.x() < originX || box.right() > originX + viewWidth) {
			originX = box.x() + box.width() / 2 - viewWidth / 2;
		}
		if (box.y() < originY || box.bottom() > originY + viewHeight) {
			originY = box.y() + box.height() / 2 - viewHeight / 2;
		}
	}

	private void panBy(double dx, double dy) {
		originX += dx / zoom;
		originY += dy / zoom;
		redraw();
	}

	private static double clamp(double value) {
		return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value));
	}

	private void paint(Event event) {
		GC gc = event.gc;
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(getClientArea());
		if (diagram == null) {
			return;
		}
		gc.setAdvanced(true);
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		Transform transform = new Transform(getDisplay());
		try {
			transform.scale((float) zoom, (float) zoom);
			transform.translate((float) -originX, (float) -originY);
			gc.setTransform(transform);
			DiagramPainter.paint(diagram, highlight, selected, new SwtSurface(gc, fonts));
		} finally {
			gc.setTransform(null);
			transform.dispose();
		}
		if (!highlight.unmatched().isEmpty()) {
			gc.setForeground(new org.eclipse.swt.graphics.Color(DiagramStyle.MUTED.red(), DiagramStyle.MUTED.green(),
					DiagramStyle.MUTED.blue()));
			gc.drawText("Not shown here: " + String.join(", ", highlight.unmatched()), 6, 4, true);
		}
	}

	private DiagramNode nodeAt(Event event) {
		if (diagram == null) {
			return null;
		}
		Point point = toDiagram(event.x, event.y);
		return diagram.nodeAt(point.x(), point.y());
	}

	private void mouseDown(Event event) {
		setFocus();
		DiagramNode node = nodeAt(event);
		if (event.button == 1 && node == null) {
			dragStart = new int[] { event.x, event.y };
		}
		if (event.button == 1 || event.button == 3) {
			selected = node == null ? null : node.id();
			redraw();
			onSelect.accept(selected);
		}
	}

	private void mouseMove(Event event) {
		if (dragStart != null) {
			panBy(dragStart[0] - event.x, dragStart[1] - event.y);
			dragStart = new int[] { event.x, event.y };
		}
	}

	private void mouseDoubleClick(Event event) {
		DiagramNode node = nodeAt(event);
		if (node != null) {
			onOpen.accept(node.id());
		}
	}

	private void wheel(Event event) {
		if ((event.stateMask & SWT.MOD1) != 0) {
			zoomBy(event.count > 0 ? STEP : 1 / STEP, event.x, event.y);
		} else if ((event.stateMask & SWT.SHIFT) != 0) {
			panBy(-event.count * 30, 0);
		} else {
			panBy(0, -event.count * 30);
		}
		event.doit = false;
	}

	private void key(Event event) {
		switch (event.character) {
		case '+', '=' -> zoomIn();
		case '-' -> zoomOut();
		case '0' -> fit();
		default -> {
			switch (event.keyCode) {
			case SWT.ARROW_LEFT -> panBy(-40, 0);
			case SWT.ARROW_RIGHT -> panBy(40, 0);
			case SWT.ARROW_UP -> panBy(0, -40);
			case SWT.ARROW_DOWN -> panBy(0, 40);
			default -> {
				// other keys are not the diagram's
			}
			}
		}
		}
	}
}
