package dev.cabin.ui.simulator;

import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import dev.cabin.language.CabinPlan;
import dev.cabin.language.CabinPlan.Zone;

/**
 * The cabin seen from above, front at the top, driver on the left: seats, windows, sunroof, mirrors,
 * windshields, the centre display, each a gaze zone named as the language names it (a VSS branch without the
 * {@code Vehicle} root), as {@link CabinPlan} places them. Clicking a zone looks at it; the zones the agent's gaze
 * triggers watch are outlined.
 */
public final class CabinMap extends Canvas {

	private final Consumer<String> onLook;
	private Set<String> watched = Set.of();
	private String looked;
	private String hovered;

	public CabinMap(Composite parent, Consumer<String> onLook) {
		super(parent, SWT.DOUBLE_BUFFERED);
		this.onLook = onLook;
		addListener(SWT.Paint, event -> paint(event.gc));
		addListener(SWT.MouseDown, this::clicked);
		addListener(SWT.MouseMove, event -> {
			Zone zone = zoneAt(event.x, event.y);
			String name = zone == null ? null : zone.name();
			if (name == null ? hovered != null : !name.equals(hovered)) {
				hovered = name;
				setToolTipText(name == null ? null : "Look at " + name);
				redraw();
			}
		});
	}

	/** The zones the agent watches, outlined in the map. */
	public void setWatched(Set<String> zones) {
		watched = Set.copyOf(zones);
		redraw();
	}

	/** The zone looked at last, or {@code null}. */
	public String looked() {
		return looked;
	}

	/** The middle of a zone, in the canvas' coordinates (where a click looks at it). */
	public Point centerOf(String zone) {
		for (Zone candidate : CabinPlan.ZONES) {
			if (candidate.name().equals(zone)) {
				Rectangle r = scaled(candidate, plan());
				return new Point(r.x + r.width / 2, r.y + r.height / 2);
			}
		}
		throw new IllegalArgumentException("no zone " + zone + " on the cabin map");
	}

	@Override
	public Point computeSize(int wHint, int hHint, boolean changed) {
		return new Point(wHint == SWT.DEFAULT ? 170 : wHint, hHint == SWT.DEFAULT ? 340 : hHint);
	}

	private void clicked(Event event) {
		Zone zone = zoneAt(event.x, event.y);
		if (zone != null && event.button == 1) {
			looked = zone.name();
			redraw();
			onLook.accept(zone.name());
		}
	}

	private Zone zoneAt(int x, int y) {
		Rectangle plan = plan();
		for (int i = CabinPlan.ZONES.size() - 1; i >= 0; i--) {
			if (scaled(CabinPlan.ZONES.get(i), plan).contains(x, y)) {
				return CabinPlan.ZONES.get(i);
			}
		}
		return null;
	}

	private static Rectangle scaled(Zone zone, Rectangle plan) {
		double scale = scale(plan);
		return new Rectangle(plan.x + (int) Math.round(zone.x() * scale), plan.y + (int) Math.round(zone.y() * scale),
				(int) Math.round(zone.width() * scale), (int) Math.round(zone.height() * scale));
	}

	/** Canvas pixels per unit of the plan. */
	private static double scale(Rectangle plan) {
		return plan.width / (double) CabinPlan.WIDTH;
	}

	/** The plan fitted into the canvas, centred. */
	private Rectangle plan() {
		Rectangle area = getClientArea();
		int width = Math.max(10, Math.min(area.width, area.height / 2));
		return new Rectangle(area.x + (area.width - width) / 2, area.y + (area.height - 2 * width) / 2, width,
				2 * width);
	}

	private void paint(GC gc) {
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		Rectangle plan = plan();
		double scale = scale(plan);
		Color body = new Color(228, 231, 236);
		Color glass = new Color(190, 214, 236);
		Color seat = new Color(150, 156, 168);
		Color watchedLine = new Color(30, 110, 220);
		Color lookedFill = new Color(255, 153, 51);
		try {
			gc.setBackground(body);
			gc.fillRoundRectangle(plan.x + (int) (22 * scale), plan.y + (int) (40 * scale), (int) (156 * scale),
					(int) (330 * scale), (int) (60 * scale), (int) (60 * scale));
			gc.setForeground(seat);
			gc.drawRoundRectangle(plan.x + (int) (22 * scale), plan.y + (int) (40 * scale), (int) (156 * scale),
					(int) (330 * scale), (int) (60 * scale), (int) (60 * scale));
			// the steering wheel, in front of the driver (not a zone)
			gc.drawOval(plan.x + (int) (46 * scale), plan.y + (int) (100 * scale), (int) (26 * scale), (int) (16 * scale));
			for (Zone zone : CabinPlan.ZONES) {
				Rectangle r = scaled(zone, plan);
				boolean isGlass = zone.name().contains("Window") || zone.name().contains("Windshield")
						|| zone.name().contains("Sunroof") || zone.name().contains("Mirror");
				gc.setBackground(zone.name().equals(looked) ? lookedFill : isGlass ? glass : seat);
				gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
				boolean emphasised = watched.contains(zone.name()) || zone.name().equals(hovered);
				gc.setForeground(emphasised ? watchedLine : getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
				gc.setLineWidth(emphasised ? 2 : 1);
				gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
				if (!zone.label().isEmpty()) {
					Point extent = gc.textExtent(zone.label());
					if (extent.x <= r.width + 4) {
						gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
						gc.drawText(zone.label(), r.x + (r.width - extent.x) / 2, r.y + (r.height - extent.y) / 2, true);
					}
				}
			}
			gc.setLineWidth(1);
		} finally {
			body.dispose();
			glass.dispose();
			seat.dispose();
			watchedLine.dispose();
			lookedFill.dispose();
		}
	}
}
