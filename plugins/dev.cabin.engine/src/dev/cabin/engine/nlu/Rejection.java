package dev.cabin.engine.nlu;

/**
 * Which of the classifier's out-of-scope tests turned an utterance down, said so that an author knows what to
 * change: an utterance below the threshold needs examples nearer to it; one nearer to unrelated speech says what
 * the built-in background also says; one the out-of-scope class takes resembles what the agent must not handle.
 */
public enum Rejection {

	/** The out-of-scope class (the agent's out-of-scope examples and the background) won over every intent. */
	OUT_OF_SCOPE_CLASS("outOfScopeClass", "more like what the agent must not handle than like any intent"),
	/** No intent had enough evidence. */
	WEAK_EVIDENCE("weakEvidence", "too little evidence for any intent"),
	/** The best intent's examples are not similar enough. */
	BELOW_THRESHOLD("belowThreshold", "less similar to its intent's examples than the threshold"),
	/** The background check: unrelated speech is nearer than the best intent's nearest example. */
	UNRELATED_SPEECH("unrelatedSpeech", "nearer to unrelated speech than to its intent's examples");

	private final String code;
	private final String words;

	Rejection(String code, String words) {
		this.code = code;
		this.words = words;
	}

	/** The name in traces and JSON reports. */
	public String code() {
		return code;
	}

	/** What it means, for reports a person reads. */
	public String words() {
		return words;
	}
}
