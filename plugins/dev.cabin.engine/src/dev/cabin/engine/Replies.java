package dev.cabin.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.llm.LlmMessage;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.UtteranceTemplate;
import dev.cabin.language.Names;

/**
 * What the agent says in the current turn: templates filled in the turn's locale, replies stamped with the
 * locale, agent, intent and flow, authored and generated replies as the policies in force allow them, the
 * engine's own phrases, and the fallback; {@link Secrets} masked in all of them. Every reply but a barge-in's
 * stop is remembered for the LLM.
 */
final class Replies {

	private final TurnContext context;
	private final PolicyEnforcer policies;

	Replies(TurnContext context, PolicyEnforcer policies) {
		this.context = context;
		this.policies = policies;
	}

	/** Says an authored or generated text as the policies in force allow it. */
	void policed(String type, String text, String screen, String flow) {
		PolicyEnforcer.Policed allowed = policies.police(text, screen);
		context.add(reply(type, allowed.text(), allowed.screen(), flow));
	}

	/** Says what the engine itself says (its phrases, a re-asked question, a barge-in's stop) as it is. */
	void plain(String type, String text, String flow) {
		context.add(reply(type, text, null, flow));
	}

	/** The agent did not understand: the authored fallback, else the engine's phrase, for the given intent. */
	void fallback(String intent) {
		context.fellBack();
		String text = context.ir().defaults().fallback().isEmpty() ? phrase(Phrases.NOT_UNDERSTOOD)
				: render(context.ir().defaults().fallback());
		Reply reply = reply("fallback", text, null, null);
		context.add(new Reply(reply.type(), reply.text(), null, reply.locale(), reply.agent(), intent, null));
	}

	/* Masked here, where every reply passes: an LLM endpoint may echo the key it was sent as its answer. */
	private Reply reply(String type, String text, String screen, String flow) {
		String said = Secrets.masked(text);
		if (!type.equals("stop")) {
			context.remember(LlmMessage.assistant(said, List.of()));
		}
		return new Reply(type, said, Secrets.masked(screen), context.locale(), context.agentId(), context.intent(), flow);
	}

	/**
	 * What the agent says for a template in the turn's locale: its placeholders filled; where one has no value
	 * (a signal the car does not report, a slot never given), the engine's phrase for the missing value instead
	 * of a gap.
	 */
	String render(Map<String, String> texts) {
		return render(texts, Map.of());
	}

	/** As {@link #render(Map)}, with the author's alternative said where a placeholder has no value. */
	String render(Map<String, String> texts, Map<String, String> otherwise) {
		List<String> missing = new ArrayList<>();
		String text = filled(texts, missing::add);
		if (missing.isEmpty()) {
			return text;
		}
		if (!otherwise.isEmpty()) {
			context.trace().note("the otherwise text is said instead");
			return render(otherwise);
		}
		context.trace().note("the engine's phrase for a missing value is said instead");
		return String.format(phrase(Phrases.CANNOT_READ), Names.spoken(missing.get(0)));
	}

	/** The template with its placeholders filled, a placeholder with no value left empty: for an LLM's instructions. */
	String instructions(Map<String, String> texts) {
		return filled(texts, missing -> {
		});
	}

	private String filled(Map<String, String> texts, Consumer<String> missing) {
		return context.evaluator().render(localized(texts), context.locale(), placeholder -> {
			context.trace().note("template placeholder {" + placeholder + "} has no value");
			missing.accept(placeholder);
		});
	}

	/**
	 * Whether the occupant meant the intent: the author's question, else the engine's, with the intent's first
	 * example in the turn's language (without slot markers), else its name, standing for what it does.
	 */
	String didYouMean(IntentIr intent) {
		if (!intent.ask().isEmpty()) {
			return render(intent.ask());
		}
		Language language = Language.ofLocale(context.locale());
		String description = intent.examples().stream()
				.filter(example -> Language.ofLocale(example.locale()) == language
						&& !UtteranceTemplate.parse(example.text()).hasSlots())
				.map(ExampleIr::text).findFirst().orElse(Names.spoken(intent.name()));
		return String.format(phrase(Phrases.DID_YOU_MEAN), description);
	}

	/** The text for the turn's locale, else for the agent's default locale, else any. */
	String localized(Map<String, String> texts) {
		String text = texts.get(context.locale());
		if (text == null) {
			text = texts.get(context.ir().defaultLocale());
		}
		return text != null ? text : texts.values().stream().findFirst().orElse("");
	}

	/** One of the engine's own phrases, in the turn's language. */
	String phrase(Map<Language, String> phrase) {
		return Phrases.in(phrase, context.locale());
	}
}
