package dev.cabin.engine;

import java.util.List;

import dev.cabin.engine.event.InputEvent;
import dev.cabin.language.TextNormalizer;
import dev.cabin.language.Words;

/**
 * Whether the agent listens and whether it still speaks: speech counts only after the wake word (said first,
 * or a wake event) or push-to-talk when the session requires it, and a wake or push-to-talk while the agent
 * speaks interrupts it (barge-in).
 */
final class Listening {

	/** How long the agent listens after the wake word or push-to-talk. */
	static final long LISTEN_MS = 8_000;
	/** How long spoken words take, to know when the agent is still speaking (for barge-in). */
	static final long MS_PER_WORD = 400;

	private final TurnContext context;
	private final Replies replies;
	private final Clock clock;
	private final boolean requireWakeWord;
	private long listeningUntil = Long.MIN_VALUE;
	private long speakingUntil;

	Listening(TurnContext context, Replies replies, Clock clock, boolean requireWakeWord) {
		this.context = context;
		this.replies = replies;
		this.clock = clock;
		this.requireWakeWord = requireWakeWord;
	}

	/** In a simulation the occupant waits for the agent to finish speaking, unless they barge in. */
	void letAgentFinish(InputEvent event) {
		if (clock.isManual() && !(event instanceof InputEvent.Wake || event instanceof InputEvent.PushToTalk
				|| event instanceof InputEvent.Wait) && clock.now() < speakingUntil) {
			clock.advance(speakingUntil - clock.now());
		}
	}

	/** The wake word or push-to-talk: the agent stops speaking and listens. */
	void listen() {
		if (clock.now() < speakingUntil) {
			speakingUntil = clock.now();
			context.trace().transition("barge-in: speech cancelled");
			replies.plain("stop", "", null);
		}
		listeningUntil = clock.now() + LISTEN_MS;
	}

	/**
	 * The utterance as addressed to the agent (without a wake word it starts with), or {@code null} when the
	 * agent does not listen to it. An utterance it hears ends the listening.
	 */
	String addressed(String text, boolean awaitingAnswer) {
		String heard = text;
		if (requireWakeWord && !awaitingAnswer && clock.now() > listeningUntil) {
			heard = afterWakeWord(text);
			if (heard == null) {
				context.trace().note("not addressed: no wake word, not listening");
				return null;
			}
		}
		listeningUntil = Long.MIN_VALUE;
		return heard;
	}

	/** The agent speaks the replies after what it still says. */
	void spoke(List<Reply> replies) {
		double words = replies.stream().mapToDouble(r -> Words.count(r.text())).sum();
		speakingUntil = Math.max(speakingUntil, clock.now()) + Math.round(words * MS_PER_WORD);
	}

	/** The utterance after a wake word it starts with, or {@code null}. */
	private String afterWakeWord(String text) {
		String normalized = TextNormalizer.normalize(text);
		for (String wakeWord : context.ir().wakeWords()) {
			String word = TextNormalizer.normalize(wakeWord);
			if (!word.isEmpty() && normalized.startsWith(word)) {
				return normalized.substring(word.length()).strip();
			}
		}
		return null;
	}
}
