package dev.cabin.ui.simulator;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;

import dev.cabin.conversation.ConversationTestText;
import dev.cabin.engine.Reply;
import dev.cabin.engine.ToolCall;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;

/** The conversation as the simulator shows it: what you said or did, the agents' replies, and notes. */
final class Transcript {

	private final StyledText text;

	Transcript(Composite parent, int columns) {
		text = new StyledText(parent, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
		text.setMargins(6, 4, 6, 4);
		GridDataFactory.fillDefaults().grab(true, true).span(columns, 1).hint(SWT.DEFAULT, 120).applyTo(text);
	}

	StyledText widget() {
		return text;
	}

	void clear() {
		text.setText("");
	}

	/** An event as you gave it: speech in your words, anything else as a test step would say it. */
	void you(InputEvent event) {
		if (event instanceof InputEvent.Voice voice) {
			line("you" + (voice.locale() != null ? " (" + voice.locale() + ")" : ""), voice.text(), SWT.COLOR_DARK_BLUE);
		} else {
			note("[" + ConversationTestText.input(event) + "]");
		}
	}

	private void agent(String name, String said) {
		line(name, said, SWT.COLOR_DARK_GREEN);
	}

	/** What the agents said and did in a turn. */
	void answer(TurnResult result) {
		for (Reply reply : result.replies()) {
			if (reply.type().equals("stop")) {
				note("(" + reply.agent() + " stops speaking)");
			} else {
				agent(reply.agent(), reply.text() + (reply.screen() != null ? "   [screen: " + reply.screen() + "]" : ""));
			}
		}
		for (ToolCall call : result.toolCalls()) {
			note("  " + call.tool() + " " + call.args() + ": " + call.outcome()
					+ (call.reason() != null ? " (" + call.reason() + ")" : ""));
		}
		if (result.handoff() != null) {
			note("(now talking to " + result.handoff() + ")");
		}
		if (result.replies().isEmpty() && result.toolCalls().isEmpty()) {
			note("(no reply)");
		}
	}

	/** A remark of the simulator's, set apart from what was said. */
	void note(String remark) {
		int start = text.getCharCount();
		text.append(remark + "\n");
		text.setStyleRange(new StyleRange(start, remark.length(), text.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY),
				null, SWT.ITALIC));
		text.setTopIndex(text.getLineCount() - 1);
	}

	private void line(String who, String said, int color) {
		int start = text.getCharCount();
		text.append(who + ": " + said + "\n");
		text.setStyleRange(new StyleRange(start, who.length() + 1, text.getDisplay().getSystemColor(color), null, SWT.BOLD));
		text.setTopIndex(text.getLineCount() - 1);
	}

	/** An event in a few words, for job names and notes. */
	static String describe(InputEvent event) {
		if (event instanceof InputEvent.Voice voice) {
			return "\"" + voice.text() + "\"";
		}
		return ConversationTestText.input(event);
	}
}
