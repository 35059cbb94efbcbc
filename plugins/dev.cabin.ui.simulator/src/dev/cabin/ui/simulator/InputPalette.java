package dev.cabin.ui.simulator;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

import dev.cabin.engine.event.InputEvent;

/** The buttons for what the occupant does besides speaking: wake word, push-to-talk, gestures, touch, waiting. */
final class InputPalette {

	private static final List<String> GESTURES = List.of("SwipeLeft", "SwipeRight", "SwipeForward", "SwipeBackward",
			"ThumbsUp", "Point", "Wave");
	private static final List<String> POSTURES = List.of("Attentive", "Drowsy", "Distracted", "LeaningForward",
			"HandsOffWheel");

	private InputPalette() {
	}

	/** The palette, spanning the columns of its parent's grid; each button sends its event. */
	static void create(Composite parent, int columns, Consumer<InputEvent> send) {
		Composite palette = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).span(columns, 1).applyTo(palette);
		GridLayoutFactory.fillDefaults().numColumns(6).applyTo(palette);
		button(palette, "&Wake word", () -> send.accept(new InputEvent.Wake(null)));
		button(palette, "&Push-to-talk", () -> send.accept(new InputEvent.PushToTalk()));
		Combo gesture = choice(palette, GESTURES);
		button(palette, "&Gesture", () -> send.accept(new InputEvent.Gesture(gesture.getText())));
		Combo posture = choice(palette, POSTURES);
		button(palette, "&Driver", () -> send.accept(new InputEvent.Posture(posture.getText())));
		Text touch = new Text(palette, SWT.BORDER);
		touch.setMessage("touch control");
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(touch);
		button(palette, "&Touch", () -> {
			if (!touch.getText().isBlank()) {
				send.accept(new InputEvent.Touch(touch.getText().strip()));
			}
		});
		button(palette, "Wait &3 s", () -> send.accept(new InputEvent.Wait(3_000)));
	}

	private static Combo choice(Composite parent, List<String> items) {
		Combo combo = new Combo(parent, SWT.DROP_DOWN);
		items.forEach(combo::add);
		combo.select(0);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
		return combo;
	}

	static Button button(Composite parent, String label, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(label);
		button.addListener(SWT.Selection, event -> action.run());
		return button;
	}
}
