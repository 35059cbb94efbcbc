package dev.cabin.ui.simulator;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The engine's trace of each turn as a tree: the event, the intent candidates with their scores, the slots,
 * the state transitions, the tool calls, the LLM requests and responses, the state after the turn and the
 * time per stage. The newest turn is open.
 */
final class TracePanel {

	private final Tree tree;

	TracePanel(Composite parent) {
		tree = new Tree(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		tree.setHeaderVisible(true);
		TreeColumn what = new TreeColumn(tree, SWT.LEFT);
		what.setText("Trace");
		what.setWidth(190);
		TreeColumn value = new TreeColumn(tree, SWT.LEFT);
		value.setText("Value");
		value.setWidth(330);
		tree.addListener(SWT.Resize, event -> value.setWidth(Math.max(120, tree.getClientArea().width - what.getWidth())));
	}

	Tree tree() {
		return tree;
	}

	void clear() {
		tree.removeAll();
	}

	void add(Simulation.Turn turn) {
		for (TreeItem earlier : tree.getItems()) {
			earlier.setExpanded(false);
		}
		Map<String, Object> trace = turn.trace();
		TreeItem root = item(null, "Turn " + turn.number(), summary(turn));
		item(root, "Event", String.valueOf(trace.get("event")));
		if (trace.get("nlu") instanceof Map<?, ?> nlu) {
			TreeItem recognition = item(root, "Intent", nlu.get("intent") + " (" + score(nlu.get("score")) + ", "
					+ nlu.get("method") + ", threshold " + score(nlu.get("threshold")) + ")");
			item(recognition, "normalized", String.valueOf(nlu.get("normalized")));
			item(recognition, "language", String.valueOf(nlu.get("language")));
			if (nlu.get("candidates") instanceof List<?> candidates) {
				TreeItem list = item(recognition, "Candidates", candidates.size() + "");
				for (Object candidate : candidates) {
					if (candidate instanceof Map<?, ?> c) {
						item(list, String.valueOf(c.get("intent")), score(c.get("score")));
					}
				}
			}
		}
		entries(root, "Slots", trace.get("slots"));
		list(root, "Transitions", trace.get("transitions"));
		if (trace.get("toolCalls") instanceof List<?> calls && !calls.isEmpty()) {
			TreeItem tools = item(root, "Tool calls", calls.size() + "");
			for (Object call : calls) {
				if (call instanceof Map<?, ?> c) {
					TreeItem one = item(tools, String.valueOf(c.get("tool")), c.get("outcome")
							+ (c.get("reason") != null ? ": " + c.get("reason") : ""));
					item(one, "args", String.valueOf(c.get("args")));
					item(one, "result", String.valueOf(c.get("result")));
				}
			}
		}
		if (trace.get("llm") instanceof List<?> exchanges && !exchanges.isEmpty()) {
			TreeItem llm = item(root, "LLM", exchanges.size() + " exchange" + (exchanges.size() == 1 ? "" : "s"));
			int index = 1;
			for (Object exchange : exchanges) {
				entries(llm, "#" + index++, exchange);
			}
		}
		item(root, "Waiting for", String.valueOf(trace.get("awaiting")));
		entries(root, "State after the turn", turn.state());
		entries(root, "Time per stage (µs)", trace.get("stagesMicros"));
		list(root, "Notes", trace.get("notes"));
		expandAll(root);
		tree.showItem(root);
	}

	/** Opens an item and everything below it (a parent first: GTK ignores opening a child of a closed item). */
	static void expandAll(TreeItem item) {
		item.setExpanded(true);
		for (TreeItem child : item.getItems()) {
			expandAll(child);
		}
	}

	private static String summary(Simulation.Turn turn) {
		Object stages = turn.trace().get("stagesMicros");
		Object total = stages instanceof Map<?, ?> map ? map.get("total") : null;
		String intent = turn.result().intent() != null ? turn.result().intent()
				: turn.result().fallback() ? "fallback" : "";
		return intent + (total instanceof Number micros ? "  " + micros.longValue() / 1000.0 + " ms" : "");
	}

	private static String score(Object value) {
		return value instanceof Number number ? String.format("%.3f", number.doubleValue()) : String.valueOf(value);
	}

	private void entries(TreeItem parent, String title, Object value) {
		if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
			return;
		}
		TreeItem item = item(parent, title, "");
		map.forEach((key, entry) -> {
			if (entry instanceof Map<?, ?> || entry instanceof List<?> list && !list.isEmpty()
					&& list.get(0) instanceof Map<?, ?>) {
				TreeItem nested = item(item, String.valueOf(key), "");
				if (entry instanceof Map<?, ?> inner) {
					inner.forEach((k, v) -> item(nested, String.valueOf(k), String.valueOf(v)));
				} else {
					((List<?>) entry).forEach(element -> item(nested, "", String.valueOf(element)));
				}
			} else {
				item(item, String.valueOf(key), String.valueOf(entry));
			}
		});
	}

	private void list(TreeItem parent, String title, Object value) {
		if (value instanceof List<?> list && !list.isEmpty()) {
			TreeItem item = item(parent, title, list.size() + "");
			list.forEach(element -> item(item, "", String.valueOf(element)));
			}
	}

	private TreeItem item(TreeItem parent, String name, String value) {
		TreeItem item = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
		item.setText(new String[] { name, value });
		return item;
	}
}
