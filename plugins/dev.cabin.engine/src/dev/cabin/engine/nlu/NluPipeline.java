package dev.cabin.engine.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.SlotIr;
import dev.cabin.language.TextNormalizer;

/**
 * An agent's understanding of utterances, in stages: normalization; an exact match of an example; a template
 * match that also extracts the slots; the {@link IntentClassifier} with its out-of-scope decision; slot
 * extraction for the chosen intent. What stays ambiguous is flagged, for an LLM to resolve if there is one.
 * Thread-safe.
 *
 * <p>A template whose slot takes any phrase (a place, a text, a date and time) matches more than its intent:
 * {@code 去{destination}} ("go to ...") also matches "去上海路上要在哪充电" ("where do I charge on the way to
 * Shanghai"), whose "destination" would be the whole request. Such a match stands only when the classifier's best
 * candidate is the template's intent, recognized or not: a request nearer another intent is taken for that one or
 * for none ("去重庆的话中间得充几回", "how often must I charge on the way to Chongqing", rejected but nearest to
 * ChargingStops), never for a trip.
 */
public final class NluPipeline {

	/** Speech is never this long; longer input is cut before it is embedded. */
	public static final int MAX_UTTERANCE_CHARS = 1_000;

	/** Two candidates closer than this are ambiguous. */
	static final double AMBIGUITY_MARGIN = 0.03;

	/** Below the threshold by less than this, an utterance is ambiguous rather than plainly out of scope. */
	public static final double NEAR_THRESHOLD = 0.08;

	/** @param anyPhrase whether a slot of the template takes any phrase, so that the match proves little */
	private record TemplateRule(String intent, Pattern pattern, List<String> slots, boolean anyPhrase) {
	}

	private final Map<String, IntentIr> intents = new LinkedHashMap<>();
	private final Map<String, String> exactMatches = new HashMap<>();
	private final List<TemplateRule> templates = new ArrayList<>();
	private final IntentClassifier classifier;
	private final SlotValues values;

	public NluPipeline(AgentIr agent, IntentClassifier classifier) {
		this.classifier = classifier;
		this.values = new SlotValues(agent.entities());
		for (IntentIr intent : agent.intents()) {
			intents.put(intent.name(), intent);
			for (ExampleIr example : intent.examples()) {
				UtteranceTemplate template = UtteranceTemplate.parse(example.text());
				if (template.hasSlots()) {
					boolean anyPhrase = template.slots().stream().map(intent::slot)
							.anyMatch(slot -> slot != null && SlotValues.takesAnyPhrase(slot.type()));
					templates.add(new TemplateRule(intent.name(), template.toPattern(), template.slots(), anyPhrase));
				} else {
					exactMatches.putIfAbsent(TextNormalizer.normalize(example.text()), intent.name());
				}
			}
		}
	}

	public IntentClassifier classifier() {
		return classifier;
	}

	public SlotValues values() {
		return values;
	}

	public Recognition recognize(String utterance) {
		String normalized = TextNormalizer.normalize(utterance);
		if (normalized.length() > MAX_UTTERANCE_CHARS) {
			normalized = normalized.substring(0, MAX_UTTERANCE_CHARS);
		}
		Language language = Language.ofText(normalized);
		if (normalized.isEmpty()) {
			return new Recognition(normalized, language, null, 0, List.of(), "none", Map.of(), false);
		}
		String exact = exactMatches.get(normalized);
		if (exact != null) {
			return new Recognition(normalized, language, exact, 1.0, List.of(new IntentCandidate(exact, 1.0)), "exact",
					slots(exact, normalized), false);
		}
		for (TemplateRule rule : templates) {
			Map<String, Object> slots = templateSlots(rule, normalized);
			if (slots != null) {
				Recognition template = new Recognition(normalized, language, rule.intent(), 1.0,
						List.of(new IntentCandidate(rule.intent(), 1.0)), "template", slots, false);
				if (!rule.anyPhrase()) {
					return template;
				}
				Recognition classified = classified(normalized, language);
				return classified.candidates().isEmpty() || classified.candidates().get(0).intent().equals(rule.intent())
						? template : classified;
			}
		}
		return classified(normalized, language);
	}

	/** What the classifier makes of an utterance that is no exact example. */
	private Recognition classified(String normalized, Language language) {
		IntentClassifier.Classification classification = classifier.classify(normalized, language);
		List<IntentCandidate> candidates = classification.candidates();
		if (candidates.isEmpty()) {
			return new Recognition(normalized, language, null, 0, List.of(), "none", Map.of(), false);
		}
		boolean ambiguous = ambiguous(classification, language);
		String intent = classification.intent();
		return new Recognition(normalized, language, intent, classification.bestScore(), candidates, "classifier",
				intent == null ? Map.of() : slots(intent, normalized), ambiguous, classification.rejection(),
				classification.narrowlyRejected());
	}

	/** The slot values of an intent that a (normalized) utterance carries. */
	public Map<String, Object> slots(String intentName, String normalized) {
		IntentIr intent = intents.get(intentName);
		Map<String, Object> found = new LinkedHashMap<>();
		if (intent != null) {
			for (SlotIr slot : intent.slots()) {
				if (!"text".equals(slot.type().builtin())) {
					Object value = values.find(normalized, slot.type());
					if (value != null) {
						found.put(slot.name(), value);
					}
				}
			}
		}
		return found;
	}

	private Map<String, Object> templateSlots(TemplateRule rule, String normalized) {
		Matcher matcher = rule.pattern().matcher(normalized);
		if (!matcher.matches()) {
			return null;
		}
		IntentIr intent = intents.get(rule.intent());
		Map<String, Object> slots = new LinkedHashMap<>();
		for (int i = 0; i < rule.slots().size(); i++) {
			SlotIr slot = intent.slot(rule.slots().get(i));
			if (slot == null) {
				return null;
			}
			Object value = values.parse(matcher.group(i + 1), slot.type());
			if (value == null) {
				return null;
			}
			slots.put(slot.name(), value);
		}
		return slots;
	}

	private boolean ambiguous(IntentClassifier.Classification classification, Language language) {
		List<IntentCandidate> candidates = classification.candidates();
		double best = candidates.get(0).score();
		double threshold = classifier.threshold(language);
		if (classification.intent() == null) {
			return best >= threshold - NEAR_THRESHOLD;
		}
		return candidates.size() > 1 && best - candidates.get(1).score() < AMBIGUITY_MARGIN;
	}
}
