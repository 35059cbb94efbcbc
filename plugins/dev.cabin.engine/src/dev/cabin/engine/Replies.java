package dev.cabin.engine;

import java.util.List;
import java.util.Map;

import dev.cabin.engine.llm.LlmMessage;
import dev.cabin.engine.nlu.Language;

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

	/** The template in the turn's locale with its placeholders filled; a placeholder with no value is noted. */
	String render(Map<String, String> texts) {
		return context.evaluator().render(localized(texts), context.locale(),
				missing -> context.trace().note("template placeholder {" + missing + "} has no value"));
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
