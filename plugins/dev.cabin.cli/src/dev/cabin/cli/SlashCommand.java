package dev.cabin.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cabin.engine.event.InputEvent;
import dev.cabin.language.DurationUnit;

/**
 * The chat's commands for what is not speech: {@code /gaze Cabin.Sunroof 1s}, {@code /signal Vehicle.Speed=80},
 * {@code /gesture SwipeLeft}, {@code /posture Drowsy}, {@code /touch welcome}, {@code /wake}, {@code /ptt},
 * {@code /wait 2s}. Settings ({@code /locale}, {@code /trace}, {@code /state}) are handled by the chat itself.
 */
final class SlashCommand {

	static final String HELP = """
			  /gaze ZONE [DWELL]      the occupant looks at a zone, e.g. /gaze Cabin.Sunroof 1s
			  /signal PATH=VALUE      a vehicle signal changes, e.g. /signal Vehicle.Speed=80
			  /gesture NAME           a gesture, e.g. /gesture SwipeLeft
			  /posture STATE          the driver's state, e.g. /posture Drowsy
			  /touch CONTROL          a touch control, e.g. /touch yes
			  /wake [PHRASE]          the wake word (interrupts the agent's speech)
			  /ptt                    push-to-talk (interrupts the agent's speech)
			  /wait DURATION          time passes, e.g. /wait 3s
			  /locale LOCALE          speak another of the agent's locales, e.g. /locale zh-CN
			  /state                  the vehicle's signals, the session's memory and driver state
			  /trace on|off           print each turn's trace (JSON)
			  /quit                   end the conversation
			""";

	private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|min|m|h)?");

	private SlashCommand() {
	}

	/** The event a command stands for; {@code null} if the command is not an event. */
	static InputEvent event(String name, String argument) throws UsageException {
		switch (name) {
		case "/gaze": {
			String[] parts = required(name, argument, "ZONE").split("\\s+");
			return new InputEvent.Gaze(parts[0], parts.length > 1 ? millis(parts[1]) : 0L);
		}
		case "/signal": {
			String assignment = required(name, argument, "PATH=VALUE");
			int equals = assignment.indexOf('=');
			if (equals <= 0) {
				throw new UsageException("write /signal PATH=VALUE, e.g. /signal Vehicle.Speed=80");
			}
			return new InputEvent.Signal(assignment.substring(0, equals).strip(), value(assignment.substring(equals + 1).strip()));
		}
		case "/gesture":
			return new InputEvent.Gesture(required(name, argument, "NAME"));
		case "/posture":
			return new InputEvent.Posture(required(name, argument, "STATE"));
		case "/touch":
			return new InputEvent.Touch(required(name, argument, "CONTROL"));
		case "/wake":
			return new InputEvent.Wake(argument.isBlank() ? null : argument);
		case "/ptt":
			return new InputEvent.PushToTalk();
		case "/wait":
			return new InputEvent.Wait(millis(required(name, argument, "DURATION")));
		default:
			return null;
		}
	}

	/** A signal value as typed: a number, true/false, or text. */
	static Object value(String text) {
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.valueOf(text);
		}
		try {
			return Double.valueOf(text);
		} catch (NumberFormatException e) {
			return text.replaceAll("^\"|\"$", "");
		}
	}

	static long millis(String text) throws UsageException {
		Matcher matcher = DURATION.matcher(text.strip());
		if (!matcher.matches()) {
			throw new UsageException("\"" + text + "\" is not a duration (e.g. 500ms, 2s, 1min)");
		}
		String unit = matcher.group(2) == null ? "s" : matcher.group(2);
		return DurationUnit.ofName(unit).millis(Double.parseDouble(matcher.group(1)));
	}

	private static String required(String name, String argument, String what) throws UsageException {
		if (argument.isBlank()) {
			throw new UsageException(name + " needs " + what);
		}
		return argument.strip();
	}
}
