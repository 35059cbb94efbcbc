package dev.cabin.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cabin.compiler.training.SoftmaxTraining;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Defaults;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.DefaultsIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.PolicyIr;
import dev.cabin.engine.ir.TestIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * The compilation of one agent, which knows the agent's default locale, ending with its classifier's training
 * against the background of unrelated speech.
 */
final class AgentCompiler {

	private final Agent agent;
	private final SentenceEncoders encoders;
	private final Progress progress;
	private final BackgroundNegatives background;
	private final LocalizedTexts localized;
	private final List<EntityIr> entities = new ArrayList<>();
	private final List<ToolIr> tools = new ArrayList<>();

	AgentCompiler(Agent agent, List<EntityIr> sharedEntities, List<ToolIr> sharedTools, SentenceEncoders encoders,
			BackgroundNegatives background, Progress progress) {
		this.agent = agent;
		this.encoders = encoders;
		this.background = background;
		this.progress = progress;
		this.localized = new LocalizedTexts(agent.getLocales().isEmpty() ? "en-US" : agent.getLocales().get(0));
		agent.getEntities().forEach(entity -> entities.add(DeclarationCompiler.entity(entity)));
		entities.addAll(sharedEntities);
		agent.getTools().forEach(tool -> tools.add(DeclarationCompiler.tool(tool)));
		tools.addAll(sharedTools);
	}

	AgentIr compile(Map<String, EncoderInfo> usedEncoders) {
		List<String> outOfScope = OutOfScopeExamples.of(agent);
		int toEmbed = outOfScope.size() + agent.getIntents().stream().flatMap(intent -> intent.getUtterances().stream())
				.mapToInt(utterances -> utterances.getTexts().size()).sum();
		ExampleCompiler examples = new ExampleCompiler(encoders, progress, agent.getName(), entities, toEmbed);
		List<IntentIr> intents = new ArrayList<>();
		for (Intent intent : agent.getIntents()) {
			intents.add(examples.intent(intent, localized, usedEncoders));
		}
		examples.outOfScope(outOfScope);
		FlowCompiler flowCompiler = new FlowCompiler(localized);
		List<TriggerIr> triggers = agent.getTriggers().stream().map(flowCompiler::trigger).toList();
		List<FlowIr> flows = agent.getFlows().stream().map(flowCompiler::flow).toList();
		List<PolicyIr> policies = agent.getPolicies().stream().map(flowCompiler::policy).toList();
		List<TestIr> tests = agent.getTests().stream().map(TestCompiler::test).toList();
		DefaultsIr defaults = defaults(agent.getDefaults());
		ClassifierIr classifier = SoftmaxTraining.train(examples.training(), background.against(examples.training(), intents),
				Language.ofLocale(localized.defaultLocale()), defaults.confidence(), progress);
		return new AgentIr(agent.getName(), agent.getTitle() != null ? agent.getTitle() : agent.getName(),
				agent.getLocales(), localized.of(agent.getPersona()), agent.getWakeWords(), defaults, entities,
				intents, tools, triggers, flows, policies, classifier, tests);
	}

	private DefaultsIr defaults(Defaults defaults) {
		if (defaults == null) {
			return DefaultsIr.NONE;
		}
		return new DefaultsIr(defaults.getConfidence() == null ? null : Double.valueOf(defaults.getConfidence()),
				localized.of(defaults.getFallback()),
				defaults.getTimeout() == null ? null : Durations.millis(defaults.getTimeout()),
				defaults.getMaxWords() > 0 ? defaults.getMaxWords() : null, defaults.getLlm());
	}
}
