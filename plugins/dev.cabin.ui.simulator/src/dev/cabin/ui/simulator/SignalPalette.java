package dev.cabin.ui.simulator;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Text;

import dev.cabin.vss.NodeType;
import dev.cabin.vss.VssCatalogue;
import dev.cabin.vss.VssNode;

/**
 * Vehicle signals as controls, described by the VSS catalogue: a slider for a number (its range from the
 * catalogue, else from its unit), a switch for a boolean, a choice for an enumerated string, the gear as
 * P R N D. The signals the agent reads come first, then those every simulation has (speed, gear, tire
 * pressures, battery charge). A slider sends its value when it stops moving.
 */
final class SignalPalette {

	/** The key under which a control's signal path is found ({@link Control#getData(String)}). */
	static final String SIGNAL = "dev.cabin.signal";

	static final String SPEED = "Vehicle.Speed";
	static final String GEAR = "Vehicle.Powertrain.Transmission.SelectedGear";
	static final String CHARGE = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current";
	static final List<String> ALWAYS = List.of(SPEED, GEAR, CHARGE,
			"Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure", "Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure",
			"Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Pressure", "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure");

	/** The gear positions VSS encodes in SelectedGear. */
	private static final Map<String, Integer> GEARS = gears();

	private static final int SEND_AFTER_MS = 250;

	private final Composite area;
	private final BiConsumer<String, Object> onChange;
	private final Map<String, Object> values = new LinkedHashMap<>();

	SignalPalette(Composite area, BiConsumer<String, Object> onChange) {
		this.area = area;
		this.onChange = onChange;
	}

	private static Map<String, Integer> gears() {
		Map<String, Integer> gears = new LinkedHashMap<>();
		gears.put("P", 126);
		gears.put("R", -1);
		gears.put("N", 0);
		gears.put("D", 127);
		return gears;
	}

	/** Rebuilds the controls for the signals the agent reads; returns the starting value of every signal. */
	Map<String, Object> show(List<String> read, VssCatalogue catalogue) {
		for (Control child : area.getChildren()) {
			child.dispose();
		}
		values.clear();
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(area);
		Set<String> paths = new LinkedHashSet<>(read);
		paths.addAll(ALWAYS);
		for (String path : paths) {
			VssNode node = catalogue.node(path).orElse(null);
			if (node != null && node.type() == NodeType.BRANCH) {
				continue;
			}
			Label label = new Label(area, SWT.NONE);
			label.setText(shortName(path) + (read.contains(path) ? " *" : ""));
			label.setToolTipText(path + (node != null ? "\n" + node.description() : "")
					+ (read.contains(path) ? "\n(read by the agent)" : ""));
			if (path.equals(GEAR)) {
				gear(path);
			} else if (node != null && node.isBoolean()) {
				toggle(path);
			} else if (node != null && !node.allowed().isEmpty()) {
				choice(path, node.allowed());
			} else if (node == null || node.isNumeric()) {
				slider(path, node);
			} else {
				text(path);
			}
		}
		area.layout(true, true);
		return Map.copyOf(values);
	}

	private static String shortName(String path) {
		String[] parts = path.split("\\.");
		if (path.contains(".Tire.")) {
			return "Tire " + parts[3].replace("Row1", "front ").replace("Row2", "rear ") + parts[5].toLowerCase();
		}
		return parts.length > 1 && parts[parts.length - 1].equals("Current") ? parts[parts.length - 2]
				: parts[parts.length - 1];
	}

	private void slider(String path, VssNode node) {
		int[] range = range(path, node);
		double start = start(path, range);
		Scale scale = new Scale(area, SWT.HORIZONTAL);
		scale.setMinimum(0);
		scale.setMaximum(range[1] - range[0]);
		scale.setPageIncrement(Math.max(1, (range[1] - range[0]) / 10));
		scale.setSelection((int) start - range[0]);
		scale.setData(SIGNAL, path);
		GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(scale);
		Label value = new Label(area, SWT.NONE);
		String unit = node != null && node.unit() != null ? " " + node.unit() : "";
		value.setText((int) start + unit + "     ");
		values.put(path, start);
		Runnable send = () -> {
			if (!scale.isDisposed()) {
				set(path, (double) (scale.getSelection() + range[0]));
			}
		};
		scale.addListener(SWT.Selection, event -> {
			value.setText((scale.getSelection() + range[0]) + unit);
			area.getDisplay().timerExec(-1, send);
			area.getDisplay().timerExec(SEND_AFTER_MS, send);
		});
	}

	/** Minimum and maximum of a numeric signal: the catalogue's, else what its unit suggests. */
	private static int[] range(String path, VssNode node) {
		String unit = node == null || node.unit() == null ? "" : node.unit();
		int[] byUnit = switch (unit) {
		case "km/h" -> new int[] { 0, 250 };
		case "kPa" -> new int[] { 0, 400 };
		case "celsius" -> new int[] { -40, 60 };
		case "rpm" -> new int[] { 0, 8000 };
		default -> new int[] { 0, 100 };
		};
		return new int[] { node != null && node.min() != null ? node.min().intValue() : byUnit[0],
				node != null && node.max() != null ? node.max().intValue() : byUnit[1] };
	}

	/** Where a simulation starts: parked, charged, tires at a normal pressure. */
	private static double start(String path, int[] range) {
		double start = path.equals(CHARGE) ? 80 : path.endsWith(".Tire.Pressure") ? 240 : 0;
		return Math.max(range[0], Math.min(range[1], start));
	}

	private void gear(String path) {
		Combo combo = new Combo(area, SWT.READ_ONLY);
		GEARS.keySet().forEach(combo::add);
		combo.select(0);
		combo.setData(SIGNAL, path);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(combo);
		values.put(path, (double) GEARS.get("P"));
		combo.addListener(SWT.Selection, event -> set(path, (double) GEARS.get(combo.getText())));
	}

	private void toggle(String path) {
		Button toggle = new Button(area, SWT.CHECK);
		toggle.setData(SIGNAL, path);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(toggle);
		values.put(path, false);
		toggle.addListener(SWT.Selection, event -> set(path, toggle.getSelection()));
	}

	private void choice(String path, List<String> allowed) {
		Combo combo = new Combo(area, SWT.READ_ONLY);
		allowed.forEach(combo::add);
		combo.select(0);
		combo.setData(SIGNAL, path);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(combo);
		values.put(path, allowed.get(0));
		combo.addListener(SWT.Selection, event -> set(path, combo.getText()));
	}

	private void text(String path) {
		Text text = new Text(area, SWT.BORDER);
		text.setMessage("value, Enter sends");
		text.setData(SIGNAL, path);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(text);
		text.addListener(SWT.DefaultSelection, event -> set(path, text.getText()));
	}

	private void set(String path, Object value) {
		if (!value.equals(values.get(path))) {
			values.put(path, value);
			onChange.accept(path, value);
		}
	}
}
