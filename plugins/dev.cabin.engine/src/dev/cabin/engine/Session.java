package dev.cabin.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cabin.engine.Engine.AgentRuntime;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Recognition;

/** One conversation with an agent. Not shared between threads; an engine serves many sessions. */
public final class Session {

	private static final Map<Language, String> FALLBACK = Map.of(
			Language.EN, "Sorry, I can't help with that yet.",
			Language.ZH, "抱歉，这个我还帮不上忙。");

	private final AgentRuntime agent;
	private String locale;

	Session(AgentRuntime agent) {
		this.agent = agent;
		this.locale = agent.ir().defaultLocale();
	}

	public String locale() {
		return locale;
	}

	public String agentId() {
		return agent.ir().id();
	}

	public synchronized TurnResult handle(InputEvent event) {
		if (event instanceof InputEvent.Voice voice) {
			return hear(voice);
		}
		throw new IllegalArgumentException("unsupported event " + event);
	}

	private TurnResult hear(InputEvent.Voice voice) {
		locale = localeFor(voice);
		Recognition recognition = agent.recognizer().recognize(voice.text());
		List<Reply> replies = new ArrayList<>();
		if (recognition.inScope()) {
			for (TriggerIr trigger : agent.ir().triggers()) {
				if (trigger instanceof TriggerIr.Voice onVoice && onVoice.intent().equals(recognition.intent())) {
					run(trigger.action(), recognition.intent(), replies);
				}
			}
		}
		if (replies.isEmpty()) {
			replies.add(new Reply("fallback", FALLBACK.get(Language.ofLocale(locale)), locale, agentId(),
					recognition.intent(), null));
		}
		return new TurnResult(replies, recognition);
	}

	/** The event's locale if the agent speaks it, else the agent's locale for the language of the text. */
	private String localeFor(InputEvent.Voice voice) {
		AgentIr ir = agent.ir();
		if (voice.locale() != null && ir.locales().contains(voice.locale())) {
			return voice.locale();
		}
		Language spoken = Language.ofText(voice.text());
		if (Language.ofLocale(locale) == spoken) {
			return locale;
		}
		return ir.locales().stream().filter(l -> Language.ofLocale(l) == spoken).findFirst().orElse(locale);
	}

	private void run(ActionIr action, String intent, List<Reply> replies) {
		if (action instanceof ActionIr.StartFlow start) {
			runFlow(agent.ir().flow(start.flow()), intent, replies);
		}
	}

	private void runFlow(FlowIr flow, String intent, List<Reply> replies) {
		for (StepIr step : flow.steps()) {
			if (step instanceof StepIr.Say say) {
				replies.add(new Reply("say", localized(say.text()), locale, agentId(), intent, flow.name()));
			} else if (step instanceof StepIr.End) {
				return;
			}
		}
	}

	private String localized(Map<String, String> texts) {
		String text = texts.get(locale);
		if (text == null) {
			text = texts.get(agent.ir().defaultLocale());
		}
		return text != null ? text : texts.values().stream().findFirst().orElse("");
	}
}
