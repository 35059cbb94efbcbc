package dev.cabin.export;

/**
 * The stable codes of the problems a car build reports (tests and tools rely on them, not on the messages).
 */
public final class ExportIssues {

	private static final String PREFIX = "dev.cabin.export.";

	/** The profile is not valid YAML or JSON. */
	public static final String PROFILE_SYNTAX = PREFIX + "profile.syntax";
	/** A key the profile format does not have (often a typo). */
	public static final String PROFILE_UNKNOWN_KEY = PREFIX + "profile.unknownKey";
	/** A key the profile format requires is missing. */
	public static final String PROFILE_MISSING_FIELD = PREFIX + "profile.missingField";
	/** A value of the wrong kind or out of range. */
	public static final String PROFILE_BAD_VALUE = PREFIX + "profile.badValue";
	/** A key given twice in one mapping. */
	public static final String PROFILE_DUPLICATE_KEY = PREFIX + "profile.duplicateKey";
	/** A VSS tree or overlay file the profile names is missing or malformed. */
	public static final String PROFILE_SIGNAL_FILE = PREFIX + "profile.signalFile";

	/** An agent reads a VSS signal the vehicle does not have. */
	public static final String SIGNAL_MISSING = PREFIX + "signalMissing";
	/** An agent sets a VSS actuator the vehicle does not have (or has only as a sensor). */
	public static final String ACTUATOR_MISSING = PREFIX + "actuatorMissing";
	/** An agent reacts to gaze on a cabin zone the vehicle does not have. */
	public static final String ZONE_MISSING = PREFIX + "zoneMissing";
	/** An agent uses a modality (gaze, gesture, posture, touch, screen text, voice) without its sensor or display. */
	public static final String SENSOR_MISSING = PREFIX + "sensorMissing";
	/** An agent speaks a locale the head unit does not support. */
	public static final String LOCALE_UNSUPPORTED = PREFIX + "localeUnsupported";
	/** An agent needs an LLM (a generate step without fallback) and the vehicle has none. */
	public static final String LLM_UNAVAILABLE = PREFIX + "llmUnavailable";
	/** An agent hands off to an agent that is not in the package. */
	public static final String HANDOFF_OUTSIDE = PREFIX + "handoffOutside";
	/** The agents need more memory than the head unit's budget. */
	public static final String MEMORY_OVER_BUDGET = PREFIX + "memoryOverBudget";
	/** The package is larger than the head unit's storage budget. */
	public static final String STORAGE_OVER_BUDGET = PREFIX + "storageOverBudget";
	/** The engine this toolchain builds for is outside the head unit's engine version range. */
	public static final String ENGINE_OUT_OF_RANGE = PREFIX + "engineOutOfRange";
	/** An agent id asked for is in none of the sources. */
	public static final String UNKNOWN_AGENT = PREFIX + "unknownAgent";

	private ExportIssues() {
	}
}
