package dev.cabin.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.cabin.engine.Reply;
import dev.cabin.engine.ToolCall;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;

/**
 * A simulated conversation written as a conversation test of the language ({@code test "name" { ... }}): each
 * event as its input step, and after it what the agent did as expectations (intent, flows, tool calls,
 * handoff, fallback, the first words of its reply), so that replaying it checks the agent still behaves so.
 */
public final class ConversationTestText {

	/** One turn of a conversation: the event and what the agent made of it. */
	public record Turn(InputEvent event, TurnResult result) {
	}

	private ConversationTestText() {
	}

	/**
	 * The test block, indented by one level inside an agent, lines ending with the given line break: the starting
	 * values of signals, then the turns.
	 */
	public static String of(String name, Map<String, Object> given, List<Turn> turns, String indent,
			String lineBreak) {
		List<String> lines = new ArrayList<>();
		lines.add(indent + "test " + quote(name) + " {");
		if (!given.isEmpty()) {
			lines.add(indent + indent + "given " + given.entrySet().stream()
					.map(entry -> entry.getKey() + " = " + literal(entry.getValue())).collect(Collectors.joining(", ")));
		}
		for (Turn turn : turns) {
			lines.add(indent + indent + input(turn.event()));
			for (String expectation : expectations(turn.result())) {
				lines.add(indent + indent + expectation);
			}
		}
		lines.add(indent + "}");
		return String.join(lineBreak, lines) + lineBreak;
	}

	/** The event as the input step of a test. */
	public static String input(InputEvent event) {
		if (event instanceof InputEvent.Voice voice) {
			return "user " + (voice.locale() != null ? voice.locale() + " " : "") + quote(voice.text());
		} else if (event instanceof InputEvent.Wake wake) {
			return wake.phrase() == null ? "wake" : "wake " + quote(wake.phrase());
		} else if (event instanceof InputEvent.PushToTalk) {
			// a test session listens without a wake word, which is what push-to-talk asks for
			return "// push-to-talk";
		} else if (event instanceof InputEvent.Gaze gaze) {
			return "gaze " + gaze.zone() + (gaze.dwellMs() > 0 ? " for " + gaze.dwellMs() + " ms" : "");
		} else if (event instanceof InputEvent.Gesture gesture) {
			return "gesture " + gesture.gesture();
		} else if (event instanceof InputEvent.Posture posture) {
			return "posture " + posture.state();
		} else if (event instanceof InputEvent.Signal signal) {
			return "signal " + signal.path() + " = " + literal(signal.value());
		} else if (event instanceof InputEvent.Touch touch) {
			return "touch " + quote(touch.control());
		} else {
			return "wait " + ((InputEvent.Wait) event).ms() + " ms";
		}
	}

	private static List<String> expectations(TurnResult result) {
		List<String> lines = new ArrayList<>();
		if (result.fallback()) {
			lines.add("expect fallback");
		} else if (result.intent() != null) {
			lines.add("expect intent " + result.intent());
		}
		result.flows().forEach(flow -> lines.add("expect flow " + flow));
		for (ToolCall call : result.toolCalls()) {
			lines.add((call.done() ? "expect call " : "expect no call ") + call.tool());
		}
		if (result.handoff() != null) {
			lines.add("expect handoff to " + result.handoff());
		}
		result.replies().stream().filter(reply -> !reply.type().equals("stop") && !reply.text().isBlank()).findFirst()
				.map(Reply::text).ifPresent(text -> lines.add("expect reply contains " + quote(text)));
		return lines;
	}

	private static String literal(Object value) {
		if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
			return Long.toString(number.longValue());
		}
		return value instanceof String text ? quote(text) : String.valueOf(value);
	}

	public static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}
}
