package dev.cabin.dsl.validation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Ask;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Confirm;
import dev.cabin.dsl.cabin.Defaults;
import dev.cabin.dsl.cabin.EntityValue;
import dev.cabin.dsl.cabin.EntityValueType;
import dev.cabin.dsl.cabin.Generate;
import dev.cabin.dsl.cabin.Given;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.VoiceInput;
import dev.cabin.dsl.validation.References.SignalTarget;
import dev.cabin.dsl.validation.References.Target;
import dev.cabin.dsl.validation.References.Unknown;
import dev.cabin.dsl.validation.References.UnknownSignal;

/**
 * Checks what the agent says and understands: every declared locale is present (in replies and in intents),
 * no undeclared or doubled locale, template markers name slots, results or signals, example utterances mark
 * only their intent's slots, enough examples per locale, and no example shared by two intents.
 */
public class TextValidator extends CabinCheckBase {

	/** Fewer example utterances than this in a locale leave the recognizer guessing. */
	public static final int MIN_UTTERANCES = 3;

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	@Check
	public void checkAgentLocales(Agent agent) {
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < agent.getLocales().size(); i++) {
			if (!seen.add(agent.getLocales().get(i))) {
				error("the locale " + agent.getLocales().get(i) + " is declared twice", agent, CABIN.getAgent_Locales(), i,
						CabinIssueCodes.DUPLICATE_LOCALE);
			}
		}
		texts(agent, CABIN.getAgent_Persona(), agent.getPersona(), false, false);
	}

	@Check
	public void checkSay(Say say) {
		texts(say, CABIN.getSay_Texts(), say.getTexts(), true, true);
		texts(say, CABIN.getSay_Otherwise(), say.getOtherwise(), true, true);
		texts(say, CABIN.getSay_Screen(), say.getScreen(), true, true);
	}

	@Check
	public void checkConfirm(Confirm confirm) {
		texts(confirm, CABIN.getConfirm_Texts(), confirm.getTexts(), true, true);
	}

	@Check
	public void checkAsk(Ask ask) {
		texts(ask, CABIN.getAsk_Prompt(), ask.getPrompt(), true, true);
	}

	@Check
	public void checkIntentQuestion(Intent intent) {
		texts(intent, CABIN.getIntent_Ask(), intent.getAsk(), true, true);
	}

	@Check
	public void checkSlotPrompt(Slot slot) {
		texts(slot, CABIN.getSlot_Prompt(), slot.getPrompt(), true, true);
	}

	@Check
	public void checkGenerate(Generate generate) {
		// instructions are for the language model, which answers in the driver's locale whatever they are in
		texts(generate, CABIN.getGenerate_Instructions(), generate.getInstructions(), false, true);
		texts(generate, CABIN.getGenerate_Fallback(), generate.getFallback(), true, true);
	}

	@Check
	public void checkDefaults(Defaults defaults) {
		texts(defaults, CABIN.getDefaults_Fallback(), defaults.getFallback(), true, false);
	}

	@Check
	public void checkVoiceInput(VoiceInput input) {
		declared(input.getLocale(), input, CABIN.getVoiceInput_Locale());
	}

	@Check
	public void checkGivenLocale(Given given) {
		declared(given.getLocale(), given, CABIN.getGiven_Locale());
	}

	@Check
	public void checkSynonyms(EntityValue value) {
		for (LocalizedPhrases synonyms : value.getSynonyms()) {
			declared(synonyms.getLocale(), synonyms, CABIN.getLocalizedPhrases_Locale());
		}
	}

	private void declared(String locale, EObject object, org.eclipse.emf.ecore.EStructuralFeature feature) {
		Agent agent = EcoreUtil2.getContainerOfType(object, Agent.class);
		if (locale != null && agent != null && !agent.getLocales().isEmpty() && !agent.getLocales().contains(locale)) {
			error("the agent does not declare the locale " + locale + " (locales " + String.join(", ", agent.getLocales())
					+ ")", object, feature, CabinIssueCodes.UNDECLARED_LOCALE);
		}
	}

	/**
	 * Checks one group of texts in several locales: no undeclared or doubled locale, every declared one present
	 * (when {@code complete}), and markers that name something (when {@code templates}).
	 */
	private void texts(EObject owner, EReference feature, List<LocalizedText> texts, boolean complete,
			boolean templates) {
		Agent agent = EcoreUtil2.getContainerOfType(owner, Agent.class);
		if (agent == null || texts.isEmpty()) {
			return;
		}
		List<String> locales = agent.getLocales();
		String defaultLocale = locales.isEmpty() ? null : locales.get(0);
		Set<String> seen = new LinkedHashSet<>();
		for (LocalizedText text : texts) {
			String locale = text.getLocale() != null ? text.getLocale() : defaultLocale;
			if (text.getLocale() != null && !locales.isEmpty() && !locales.contains(text.getLocale())) {
				error("the agent does not declare the locale " + text.getLocale() + " (locales "
						+ String.join(", ", locales) + ")", text, CABIN.getLocalizedText_Locale(),
						CabinIssueCodes.UNDECLARED_LOCALE);
			} else if (locale != null && !seen.add(locale)) {
				error("a second text in " + locale + (text.getLocale() == null ? " (a text without locale is in "
						+ locale + ", the agent's first locale)" : ""), text,
						text.getLocale() != null ? CABIN.getLocalizedText_Locale() : CABIN.getLocalizedText_Text(),
						CabinIssueCodes.DUPLICATE_LOCALE);
			}
			if (templates && text.getText() != null) {
				markers(text);
			}
		}
		if (complete) {
			for (String locale : locales) {
				if (!seen.contains(locale)) {
					LocalizedText last = texts.get(texts.size() - 1);
					warning("no text in " + locale + ", which the agent declares", owner, feature, 0,
							CabinIssueCodes.MISSING_LOCALE, locale, texts.get(0).getText(),
							Integer.toString(endOffset(last)), "text");
				}
			}
		}
	}

	private static int endOffset(EObject object) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
		return node == null ? 0 : node.getOffset() + node.getLength();
	}

	private void markers(LocalizedText text) {
		for (Templates.Marker marker : Templates.markers(text.getText())) {
			if (marker.name().isEmpty()) {
				continue;
			}
			Target target = resolve(marker.name(), text);
			if (target instanceof Unknown unknown) {
				reportInString(true, "{" + marker.name() + "} is not a slot, a tool result or a vehicle signal"
						+ (unknown.closest() != null ? "; did you mean {" + unknown.closest() + "}?" : ""), text,
						CABIN.getLocalizedText_Text(), 0, marker.start(), marker.end(), CabinIssueCodes.UNDECLARED_SLOT,
						marker.name());
			} else if (target instanceof UnknownSignal unknown) {
				reportInString(true, "unknown vehicle signal " + unknown.path()
						+ (unknown.closest() != null ? "; did you mean " + unknown.closest() + "?" : ""), text,
						CABIN.getLocalizedText_Text(), 0, marker.start(), marker.end(), CabinIssueCodes.UNKNOWN_VSS_PATH,
						unknown.closest() == null ? new String[0] : new String[] { unknown.closest() });
			} else if (target instanceof SignalTarget signal && !signal.node().type().hasValue()) {
				reportInString(true, signal.node().path() + " is a " + signal.node().type().label()
						+ ", which has no value to say", text, CABIN.getLocalizedText_Text(), 0, marker.start(),
						marker.end(), CabinIssueCodes.NOT_A_SIGNAL);
			}
		}
	}

	@Check
	public void checkIntent(Intent intent) {
		Agent agent = EcoreUtil2.getContainerOfType(intent, Agent.class);
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, LocalizedPhrases> firstOfLocale = new HashMap<>();
		Map<String, Slot> slots = new HashMap<>();
		intent.getSlots().forEach(slot -> slots.putIfAbsent(slot.getName(), slot));
		for (LocalizedPhrases phrases : intent.getUtterances()) {
			counts.merge(phrases.getLocale(), phrases.getTexts().size(), Integer::sum);
			firstOfLocale.putIfAbsent(phrases.getLocale(), phrases);
			if (agent != null) {
				declared(phrases.getLocale(), phrases, CABIN.getLocalizedPhrases_Locale());
			}
			for (int i = 0; i < phrases.getTexts().size(); i++) {
				utteranceMarkers(phrases, i, slots);
			}
		}
		counts.forEach((locale, count) -> {
			if (count < MIN_UTTERANCES) {
				warning(intent.getName() + " has " + count + " example" + (count == 1 ? "" : "s") + " in " + locale
						+ "; give at least " + MIN_UTTERANCES + " so that paraphrases are recognized",
						firstOfLocale.get(locale), CABIN.getLocalizedPhrases_Locale(), CabinIssueCodes.TOO_FEW_UTTERANCES);
			}
		});
		LocalizedPhrases last = intent.getUtterances().isEmpty() ? null
				: intent.getUtterances().get(intent.getUtterances().size() - 1);
		if (agent != null && last != null && !last.getTexts().isEmpty()) {
			for (String locale : agent.getLocales()) {
				if (!counts.containsKey(locale)) {
					warning(intent.getName() + " has no examples in " + locale + ", which the agent declares", intent,
							CABIN.getIntent_Name(), CabinIssueCodes.MISSING_LOCALE, locale, last.getTexts().get(0),
							Integer.toString(endOffset(last)), "phrases");
				}
			}
		}
	}

	private void utteranceMarkers(LocalizedPhrases phrases, int index, Map<String, Slot> slots) {
		String text = phrases.getTexts().get(index);
		for (Templates.Marker marker : Templates.markers(text)) {
			Slot slot = slots.get(marker.name());
			if (slot == null) {
				reportInString(true, "{" + marker.name() + "} is not a slot of this intent; declare it: slot "
						+ marker.name() + ": ...", phrases, CABIN.getLocalizedPhrases_Texts(), index, marker.start(),
						marker.end(), CabinIssueCodes.UNDECLARED_SLOT, marker.name());
			} else if (marker.value() != null && slot.getType() instanceof EntityValueType type
					&& type.getEntity() != null && !type.getEntity().eIsProxy()
					&& !isValueOf(marker.value(), type.getEntity().getValues())) {
				reportInString(true, "\"" + marker.value() + "\" is not a value or synonym of "
						+ type.getEntity().getName(), phrases, CABIN.getLocalizedPhrases_Texts(), index,
						marker.start(), marker.end(), CabinIssueCodes.UNKNOWN_ENTITY_VALUE);
			}
		}
	}

	private static boolean isValueOf(String text, List<EntityValue> values) {
		String wanted = text.toLowerCase(Locale.ROOT);
		for (EntityValue value : values) {
			if (value.getName() != null && value.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
				return true;
			}
			for (LocalizedPhrases synonyms : value.getSynonyms()) {
				for (String synonym : synonyms.getTexts()) {
					if (synonym.toLowerCase(Locale.ROOT).equals(wanted)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** The same example (once normalized as the recognizer does) in two intents: the engine cannot choose. */
	@Check
	public void checkAmbiguity(Agent agent) {
		// by locale, then by utterance: no key is built per example, as this runs on every keystroke in an editor
		Map<String, Map<String, Intent>> owners = new HashMap<>();
		for (Intent intent : agent.getIntents()) {
			for (LocalizedPhrases phrases : intent.getUtterances()) {
				Map<String, Intent> inLocale = owners.computeIfAbsent(String.valueOf(phrases.getLocale()), l -> new HashMap<>());
				for (int i = 0; i < phrases.getTexts().size(); i++) {
					Intent owner = inLocale.putIfAbsent(NormalizedUtterances.of(phrases.getTexts().get(i)), intent);
					if (owner != null && owner != intent) {
						error("the same example is in " + owner.getName() + ": the recognizer cannot tell the intents"
								+ " apart", phrases, CABIN.getLocalizedPhrases_Texts(), i,
								CabinIssueCodes.AMBIGUOUS_UTTERANCE, owner.getName());
					}
				}
			}
		}
	}
}
