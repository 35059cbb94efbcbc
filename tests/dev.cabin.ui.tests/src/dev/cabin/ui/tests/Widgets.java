package dev.cabin.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;

import dev.cabin.testing.Screen;

/**
 * The workbench's widgets as a test finds and uses them: controls by type, the popup a content-assist or quick-fix
 * request opens, and dialogs answered with OK. Call from the display thread.
 */
final class Widgets {

	private Widgets() {
	}

	/** The items of the popup once the language server has answered and the list stays the same. */
	static List<String> popupItems() throws Exception {
		Table[] table = { null };
		// an asynchronous popup shows "Computing proposals (0%) ..." until the language server has answered
		Screen.waitFor(() -> (table[0] = popupTable()) != null && table[0].getItemCount() > 0
				&& !table[0].getItem(0).getText().isEmpty()
				&& !table[0].getItem(0).getText().startsWith("Computing proposals"), "the proposal popup");
		return Screen.waitForSteady(() -> {
			Table shown = popupTable();
			return shown == null ? List.<String>of() : Arrays.stream(shown.getItems()).map(TableItem::getText).toList();
		}, "the proposals of the popup");
	}

	/** The table of a visible shell other than the workbench window's: the open popup, or {@code null}. */
	static Table popupTable() {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell.isVisible() && shell != PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()) {
				Table table = find(shell, Table.class);
				if (table != null) {
					return table;
				}
			}
		}
		return null;
	}

	/** Double-click (Enter) on a proposal of the open popup. */
	static void choose(String proposal) throws Exception {
		Table table = popupTable();
		assertNotNull(table, "no proposal popup");
		TableItem item = Arrays.stream(table.getItems()).filter(i -> i.getText().equals(proposal)).findFirst()
				.orElseThrow(() -> new AssertionError("no proposal " + proposal));
		table.setSelection(item);
		table.notifyListeners(SWT.DefaultSelection, selectionEvent(item));
		Screen.waitFor(() -> popupTable() == null, "the popup to close after choosing " + proposal);
	}

	/** The event of a click on an item of a table or tree. */
	static Event selectionEvent(Item item) {
		Event event = new Event();
		event.item = item;
		return event;
	}

	/** Esc in a text widget closes the popup it opened. */
	static void closePopup(Control text) throws Exception {
		Event escape = new Event();
		escape.character = SWT.ESC;
		escape.keyCode = SWT.ESC;
		text.notifyListeners(SWT.KeyDown, escape);
		Screen.waitFor(() -> popupTable() == null, "the popup closed");
	}

	/** Once a dialog the test accepts (and fills in) shows, presses its OK button. */
	static void pressOk(Predicate<Shell> accept) {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell.isVisible() && shell != PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()
					&& findButton(shell, "OK") != null && accept.test(shell)) {
				findButton(shell, "OK").notifyListeners(SWT.Selection, new Event());
				return;
			}
		}
		Display.getCurrent().timerExec(200, () -> pressOk(accept));
	}

	static Button findButton(Composite parent, String label) {
		return find(parent, Button.class, button -> button.getText().replace("&", "").equals(label));
	}

	static <T extends Control> T find(Composite parent, Class<T> type) {
		return find(parent, type, control -> true);
	}

	/** The first visible control of a type that passes the test, depth first. */
	static <T extends Control> T find(Composite parent, Class<T> type, Predicate<T> test) {
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child) && child.isVisible() && test.test(type.cast(child))) {
				return type.cast(child);
			}
			if (child instanceof Composite composite) {
				T found = find(composite, type, test);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
