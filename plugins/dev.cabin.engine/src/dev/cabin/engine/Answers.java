package dev.cabin.engine;

import java.util.function.Consumer;

import dev.cabin.engine.Dialog.Frame;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.nlu.Recognition;
import dev.cabin.engine.nlu.SlotValues;
import dev.cabin.language.StepPath;
import dev.cabin.language.TextNormalizer;

/**
 * Takes what the occupant says or touches while a question waits: a slot's value, a yes or no (to a
 * confirmation step, to a tool call's confirmation, or to whether they meant an intent the agent was not sure
 * of). Anything else re-asks the question, a few times, unless it is a new request, which ends the flow; to
 * whether they meant an intent, anything else is a no.
 */
final class Answers {

	/** Re-asking a question more often than this gives up. */
	static final int MAX_REPROMPTS = 2;

	private final TurnContext context;
	private final Dialog dialog;
	private final Replies replies;
	private final ToolInvoker tools;
	private final Recognizer recognizer;
	private final Consumer<Recognition> meant;

	/** @param meant what the session does with an intent the occupant confirmed they meant */
	Answers(TurnContext context, Dialog dialog, Replies replies, ToolInvoker tools, Recognizer recognizer,
			Consumer<Recognition> meant) {
		this.context = context;
		this.dialog = dialog;
		this.replies = replies;
		this.tools = tools;
		this.recognizer = recognizer;
		this.meant = meant;
	}

	/** Takes an utterance as the answer to the waiting question; {@code false} when it is a new request. */
	boolean answer(String normalized, String text) {
		Dialog.Question waiting = dialog.question();
		if (waiting instanceof Dialog.SlotQuestion question) {
			Object value = context.agent().nlu().values().answer(text, normalized, question.slot().type());
			if (value != null) {
				context.memory().put(question.slot().name(), value);
				context.trace().transition("slot " + question.slot().name() + " = " + value);
				context.intent(question.intent());
				dialog.stopWaiting();
				return true;
			}
			return reaskUnlessNewRequest(text, question.prompt());
		}
		Boolean yes = SlotValues.yesOrNo(normalized);
		if (yes == null && waiting instanceof Dialog.IntentQuestion) {
			if (endsForNewRequest(text)) {
				return false;
			}
			yes = false;
		}
		if (yes == null) {
			return reaskUnlessNewRequest(text, waiting instanceof Dialog.YesNoQuestion q ? q.question()
					: ((Dialog.CallQuestion) waiting).question());
		}
		answerYesNo(yes);
		return true;
	}

	/** Takes a touched control as a yes or no, if a yes-or-no question waits; whether it did. */
	boolean answerByTouch(String control) {
		Boolean yes = SlotValues.yesOrNo(TextNormalizer.normalize(control));
		Dialog.Question waiting = dialog.question();
		if (yes == null || !(waiting instanceof Dialog.YesNoQuestion || waiting instanceof Dialog.CallQuestion
				|| waiting instanceof Dialog.IntentQuestion)) {
			return false;
		}
		answerYesNo(yes);
		return true;
	}

	private void answerYesNo(boolean yes) {
		Dialog.Question question = dialog.question();
		dialog.stopWaiting();
		context.trace().transition("answer: " + (yes ? "yes" : "no"));
		if (question instanceof Dialog.YesNoQuestion yesNo) {
			dialog.push(new Frame(dialog.currentFlow(), yes ? yesNo.yes() : yesNo.no(), false, yes || yesNo.confirmed(),
					StepPath.block(yesNo.path(), yes ? StepPath.YES : StepPath.NO)));
		} else if (question instanceof Dialog.CallQuestion call) {
			tools.answered(call, yes);
		} else if (question instanceof Dialog.IntentQuestion intent) {
			if (yes) {
				meant.accept(intent.meant());
			} else {
				context.trace().transition("not meant: " + intent.meant().intent() + " is left undone");
				replies.plain("say", replies.phrase(Phrases.LEFT_AS_IT_WAS), null);
			}
		}
	}

	/** Whether the utterance is a new request rather than an answer; if it is, the flows and the question end. */
	private boolean endsForNewRequest(String text) {
		Acceptance.Verdict verdict = recognizer.recognize(text);
		String intent = verdict.recognition().intent();
		if (verdict.decision() != Acceptance.Decision.REJECT && hasTrigger(intent)) {
			context.trace().transition("new request " + intent + " instead of an answer; the flow ends");
			dialog.reset();
			return true;
		}
		return false;
	}

	private boolean reaskUnlessNewRequest(String text, String question) {
		if (endsForNewRequest(text)) {
			return false;
		}
		if (dialog.reasked() > MAX_REPROMPTS) {
			context.trace().transition("no answer after " + MAX_REPROMPTS + " tries; the flow ends");
			dialog.reset();
			replies.fallback(null);
			return true;
		}
		replies.plain("prompt", question, dialog.currentFlow());
		return true;
	}

	private boolean hasTrigger(String intent) {
		for (TriggerIr trigger : context.ir().triggers()) {
			if (trigger.event() instanceof EventIr.Voice voice && voice.intent().equals(intent)
					|| trigger.partner() instanceof EventIr.Voice partner && partner.intent().equals(intent)) {
				return true;
			}
		}
		return false;
	}
}
