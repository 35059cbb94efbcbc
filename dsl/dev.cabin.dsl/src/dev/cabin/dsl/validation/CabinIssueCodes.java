package dev.cabin.dsl.validation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The stable codes of every problem the Cabin language reports beyond Xtext's syntax and linking errors.
 * Tests, quick fixes and the README's table rely on them: never change a value, only add new ones. The short
 * form (after {@link #PREFIX}) is what {@code cabin check} prints in brackets.
 */
public final class CabinIssueCodes {

	public static final String PREFIX = "dev.cabin.dsl.";

	// files, projects and imports
	public static final String NOT_UTF8 = PREFIX + "notUtf8";
	public static final String NESTING_TOO_DEEP = PREFIX + "nestingTooDeep";
	public static final String PROJECT_PROBLEM = PREFIX + "projectProblem";
	public static final String IMPORT_NOT_FOUND = PREFIX + "importNotFound";
	public static final String NOT_A_CABIN_FILE = PREFIX + "notACabinFile";
	public static final String NOT_A_REGULAR_FILE = PREFIX + "notARegularFile";
	public static final String SOURCE_TOO_LARGE = PREFIX + "sourceTooLarge";
	public static final String IMPORT_NOT_A_PATH = PREFIX + "importNotAPath";
	public static final String IMPORT_OUTSIDE_PROJECT = PREFIX + "importOutsideProject";
	public static final String IMPORT_HAS_ERRORS = PREFIX + "importHasErrors";
	public static final String DUPLICATE_NAME = PREFIX + "duplicateName";
	public static final String UNKNOWN_REFERENCE = PREFIX + "unknownReference";

	// vehicle signals
	public static final String UNKNOWN_VSS_PATH = PREFIX + "unknownVssPath";
	public static final String NOT_A_SIGNAL = PREFIX + "notASignal";
	public static final String DATATYPE_MISMATCH = PREFIX + "datatypeMismatch";
	public static final String UNKNOWN_UNIT = PREFIX + "unknownUnit";
	public static final String UNIT_MISMATCH = PREFIX + "unitMismatch";
	public static final String OUT_OF_RANGE = PREFIX + "outOfRange";
	public static final String VALUE_NOT_ALLOWED = PREFIX + "valueNotAllowed";
	public static final String WRITE_TO_READ_ONLY = PREFIX + "writeToReadOnly";
	public static final String ACTUATOR_VALUE = PREFIX + "actuatorValue";
	public static final String INVALID_DURATION = PREFIX + "invalidDuration";
	public static final String UNPROVIDED_SIGNAL = PREFIX + "unprovidedSignal";

	// intents, slots and entities
	public static final String AMBIGUOUS_UTTERANCE = PREFIX + "ambiguousUtterance";
	public static final String TOO_FEW_UTTERANCES = PREFIX + "tooFewUtterances";
	public static final String UNREACHABLE_INTENT = PREFIX + "unreachableIntent";
	public static final String UNDECLARED_SLOT = PREFIX + "undeclaredSlot";
	public static final String UNKNOWN_ENTITY_VALUE = PREFIX + "unknownEntityValue";
	public static final String CLOSE_INTENTS = PREFIX + "closeIntents";
	public static final String LOW_CONFIDENCE_ACTS = PREFIX + "lowConfidenceActs";

	// locales
	public static final String MISSING_LOCALE = PREFIX + "missingLocale";
	public static final String UNDECLARED_LOCALE = PREFIX + "undeclaredLocale";
	public static final String DUPLICATE_LOCALE = PREFIX + "duplicateLocale";

	// flows and agents
	public static final String UNUSED_FLOW = PREFIX + "unusedFlow";
	public static final String UNREACHABLE_STEP = PREFIX + "unreachableStep";
	public static final String DEAD_END = PREFIX + "deadEnd";
	public static final String RUN_CYCLE = PREFIX + "runCycle";
	public static final String HANDOFF_CYCLE = PREFIX + "handoffCycle";

	// tools
	public static final String UNKNOWN_ARGUMENT = PREFIX + "unknownArgument";
	public static final String MISSING_ARGUMENT = PREFIX + "missingArgument";

	// conversation tests
	public static final String INVALID_PATTERN = PREFIX + "invalidPattern";
	public static final String FALSE_ACCEPTS_BOUND = PREFIX + "falseAcceptsBound";

	// driving safety (policies)
	public static final String REPLY_TOO_LONG_WHILE_MOVING = PREFIX + "replyTooLongWhileMoving";
	public static final String SCREEN_TEXT_WHILE_MOVING = PREFIX + "screenTextWhileMoving";
	public static final String UNCONFIRMED_ACTUATOR_WHILE_MOVING = PREFIX + "unconfirmedActuatorWhileMoving";
	public static final String DENIED_TOOL_WHILE_MOVING = PREFIX + "deniedToolWhileMoving";

	private CabinIssueCodes() {
	}

	/** The short form of a code of this class ({@code unknownVssPath}), or {@code null} for other codes. */
	public static String shortCode(String code) {
		return code != null && code.startsWith(PREFIX) ? code.substring(PREFIX.length()) : null;
	}

	/** Every code of this class, in declaration order. */
	public static List<String> all() {
		List<String> codes = new ArrayList<>();
		for (Field field : CabinIssueCodes.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().equals("PREFIX")) {
				try {
					codes.add((String) field.get(null));
				} catch (IllegalAccessException e) {
					throw new IllegalStateException(e);
				}
			}
		}
		return codes;
	}
}
