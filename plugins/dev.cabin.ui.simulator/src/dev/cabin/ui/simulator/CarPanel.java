package dev.cabin.ui.simulator;

import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;

import dev.cabin.engine.event.InputEvent;
import dev.cabin.vss.VssCatalogue;

/** The simulated car: the cabin map where the occupant looks, and the vehicle signals as controls. */
final class CarPanel {

	private final CabinMap map;
	/* Not final: the map, made before it, reads it when clicked. */
	private Spinner dwell;
	private final SignalPalette signals;
	private final ScrolledComposite signalScroller;
	private final Composite signalArea;

	/** The panel; gazes and signal changes are sent as events. */
	CarPanel(Composite columns, Consumer<InputEvent> send) {
		SashForm car = new SashForm(columns, SWT.VERTICAL);
		Group gaze = new Group(car, SWT.NONE);
		gaze.setText("Gaze: click where the occupant looks");
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(gaze);
		map = new CabinMap(gaze, zone -> send.accept(new InputEvent.Gaze(zone, (long) dwell.getSelection())));
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(map);
		new Label(gaze, SWT.NONE).setText("for");
		dwell = new Spinner(gaze, SWT.BORDER);
		dwell.setValues(1000, 0, 10_000, 0, 100, 500);
		new Label(gaze, SWT.NONE).setText("ms");

		Group vehicle = new Group(car, SWT.NONE);
		vehicle.setText("Vehicle signals (* read by the agent)");
		GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(vehicle);
		signalScroller = new ScrolledComposite(vehicle, SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(signalScroller);
		signalArea = new Composite(signalScroller, SWT.NONE);
		signalScroller.setContent(signalArea);
		signalScroller.setExpandHorizontal(true);
		signalScroller.setExpandVertical(true);
		signals = new SignalPalette(signalArea, (path, value) -> send.accept(new InputEvent.Signal(path, value)));
		car.setWeights(62, 38);
	}

	/**
	 * Shows the agent of the simulation: the zones its gaze triggers watch, the signals it reads first.
	 *
	 * @return the starting values of the signals shown
	 */
	Map<String, Object> show(Simulation simulation, VssCatalogue catalogue) {
		map.setWatched(simulation.watchedZones());
		Map<String, Object> given = signals.show(simulation.signalsRead(), catalogue);
		signalScroller.setMinSize(signalArea.computeSize(SWT.DEFAULT, SWT.DEFAULT));
		return given;
	}

	CabinMap map() {
		return map;
	}

	/** The control of a vehicle signal in the palette, or {@code null}. */
	Control signalControl(String path) {
		for (Control control : signalArea.getChildren()) {
			if (path.equals(control.getData(SignalPalette.SIGNAL))) {
				return control;
			}
		}
		return null;
	}
}
