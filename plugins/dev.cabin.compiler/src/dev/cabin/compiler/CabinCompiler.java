package dev.cabin.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.End;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.FlowAction;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.cabin.Step;
import dev.cabin.dsl.cabin.Trigger;
import dev.cabin.dsl.cabin.VoiceEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.TextNormalizer;

/**
 * Compiles validated Cabin models into the engine's IR, embedding every example utterance with the encoder of
 * its language so that the engine does not have to at start-up. Expects models without errors.
 */
public final class CabinCompiler {

	private final SentenceEncoders encoders;

	public CabinCompiler(SentenceEncoders encoders) {
		this.encoders = encoders;
	}

	public CabinIr compile(List<CabinFile> files) {
		Map<String, EncoderInfo> usedEncoders = new TreeMap<>();
		List<AgentIr> agents = new ArrayList<>();
		for (CabinFile file : files) {
			for (Agent agent : file.getAgents()) {
				agents.add(compile(agent, usedEncoders));
			}
		}
		return new CabinIr(CabinIr.FORMAT_VERSION, usedEncoders, agents);
	}

	private AgentIr compile(Agent agent, Map<String, EncoderInfo> usedEncoders) {
		String defaultLocale = agent.getLocales().isEmpty() ? "en-US" : agent.getLocales().get(0);
		List<IntentIr> intents = new ArrayList<>();
		for (Intent intent : agent.getIntents()) {
			List<ExampleIr> examples = new ArrayList<>();
			for (LocalizedPhrases utterances : intent.getUtterances()) {
				SentenceEncoder encoder = encoders.forLanguage(Language.ofLocale(utterances.getLocale()));
				usedEncoders.put(Language.ofLocale(utterances.getLocale()).code(),
						new EncoderInfo(encoder.modelId(), encoder.dimension()));
				for (String text : utterances.getTexts()) {
					float[] vector = encoder.encode(TextNormalizer.normalize(text));
					examples.add(new ExampleIr(utterances.getLocale(), text, IrCodec.pack(vector)));
				}
			}
			intents.add(new IntentIr(intent.getName(), examples));
		}
		List<TriggerIr> triggers = new ArrayList<>();
		for (Trigger trigger : agent.getTriggers()) {
			if (trigger.getEvent() instanceof VoiceEvent voice && trigger.getPartner() == null
					&& trigger.getAction() instanceof FlowAction action) {
				triggers.add(new TriggerIr.Voice(voice.getIntent().getName(),
						new ActionIr.StartFlow(action.getFlow().getName())));
			}
		}
		List<FlowIr> flows = new ArrayList<>();
		for (Flow flow : agent.getFlows()) {
			List<StepIr> steps = new ArrayList<>();
			for (Step step : flow.getSteps()) {
				if (step instanceof Say say) {
					steps.add(new StepIr.Say(localized(say.getTexts(), defaultLocale)));
				} else if (step instanceof End) {
					steps.add(new StepIr.End());
				}
			}
			flows.add(new FlowIr(flow.getName(), steps));
		}
		return new AgentIr(agent.getName(), agent.getTitle() != null ? agent.getTitle() : agent.getName(),
				agent.getLocales(), localized(agent.getPersona(), defaultLocale), agent.getWakeWords(), intents,
				triggers, flows);
	}

	/** Texts by locale; a text without a locale is in the agent's default locale. */
	private static Map<String, String> localized(List<LocalizedText> texts, String defaultLocale) {
		Map<String, String> byLocale = new LinkedHashMap<>();
		for (LocalizedText text : texts) {
			byLocale.put(text.getLocale() != null ? text.getLocale() : defaultLocale, text.getText());
		}
		return byLocale;
	}
}
