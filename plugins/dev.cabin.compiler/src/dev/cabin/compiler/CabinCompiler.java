package dev.cabin.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.cabin.dsl.cabin.ActuatorBinding;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.And;
import dev.cabin.dsl.cabin.Argument;
import dev.cabin.dsl.cabin.Ask;
import dev.cabin.dsl.cabin.Block;
import dev.cabin.dsl.cabin.BooleanLiteral;
import dev.cabin.dsl.cabin.Branch;
import dev.cabin.dsl.cabin.BuiltinValueType;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.Call;
import dev.cabin.dsl.cabin.CallAction;
import dev.cabin.dsl.cabin.CallStep;
import dev.cabin.dsl.cabin.Case;
import dev.cabin.dsl.cabin.Comparison;
import dev.cabin.dsl.cabin.ConversationTest;
import dev.cabin.dsl.cabin.Defaults;
import dev.cabin.dsl.cabin.DriverState;
import dev.cabin.dsl.cabin.Duration;
import dev.cabin.dsl.cabin.End;
import dev.cabin.dsl.cabin.Entity;
import dev.cabin.dsl.cabin.EntityValue;
import dev.cabin.dsl.cabin.EntityValueType;
import dev.cabin.dsl.cabin.ExpectCall;
import dev.cabin.dsl.cabin.ExpectEnd;
import dev.cabin.dsl.cabin.ExpectFallback;
import dev.cabin.dsl.cabin.ExpectFlow;
import dev.cabin.dsl.cabin.ExpectHandoff;
import dev.cabin.dsl.cabin.ExpectIntent;
import dev.cabin.dsl.cabin.ExpectReply;
import dev.cabin.dsl.cabin.Expression;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.FlowAction;
import dev.cabin.dsl.cabin.GazeEvent;
import dev.cabin.dsl.cabin.GazeInput;
import dev.cabin.dsl.cabin.Generate;
import dev.cabin.dsl.cabin.GestureEvent;
import dev.cabin.dsl.cabin.GestureInput;
import dev.cabin.dsl.cabin.Given;
import dev.cabin.dsl.cabin.HandlerBinding;
import dev.cabin.dsl.cabin.Handoff;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.IntentAction;
import dev.cabin.dsl.cabin.Literal;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.Not;
import dev.cabin.dsl.cabin.NumberLiteral;
import dev.cabin.dsl.cabin.Or;
import dev.cabin.dsl.cabin.Policy;
import dev.cabin.dsl.cabin.PostureEvent;
import dev.cabin.dsl.cabin.PostureInput;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.RunFlow;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.cabin.SignalAssignment;
import dev.cabin.dsl.cabin.SignalEvent;
import dev.cabin.dsl.cabin.SignalInput;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.Step;
import dev.cabin.dsl.cabin.StringLiteral;
import dev.cabin.dsl.cabin.TestStep;
import dev.cabin.dsl.cabin.TimerEvent;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.cabin.ToolParam;
import dev.cabin.dsl.cabin.TouchEvent;
import dev.cabin.dsl.cabin.TouchInput;
import dev.cabin.dsl.cabin.Trigger;
import dev.cabin.dsl.cabin.TriggerAction;
import dev.cabin.dsl.cabin.TriggerEvent;
import dev.cabin.dsl.cabin.ValueType;
import dev.cabin.dsl.cabin.VoiceEvent;
import dev.cabin.dsl.cabin.VoiceInput;
import dev.cabin.dsl.cabin.WaitInput;
import dev.cabin.dsl.cabin.WakeInput;
import dev.cabin.dsl.cabin.WakeWordEvent;
import dev.cabin.dsl.policy.PolicyRules;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.CallIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.DefaultsIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.PolicyIr;
import dev.cabin.engine.ir.SlotIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.TestIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.ir.TypeIr;
import dev.cabin.engine.ir.ValueIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.UtteranceTemplate;
import dev.cabin.engine.nlu.softmax.SoftmaxTraining;
import dev.cabin.language.TextNormalizer;

/**
 * Compiles validated Cabin models into the engine's IR: every construct of the language, with the example
 * utterances embedded by the encoder of their language so that the engine does not have to at start-up, and
 * each agent's intent classifier trained on them (with the examples of what is out of scope that
 * {@link OutOfScopeExamples} finds beside the source).
 * Expects models without errors; what validation cannot rule out (a duration in an unknown unit) is a
 * {@link CompileException} naming the place.
 */
public final class CabinCompiler {

	private static final Map<String, Double> MILLIS_PER_UNIT = Map.ofEntries(Map.entry("ms", 1.0),
			Map.entry("s", 1_000.0), Map.entry("sec", 1_000.0), Map.entry("secs", 1_000.0),
			Map.entry("second", 1_000.0), Map.entry("seconds", 1_000.0), Map.entry("min", 60_000.0),
			Map.entry("mins", 60_000.0), Map.entry("minute", 60_000.0), Map.entry("minutes", 60_000.0),
			Map.entry("h", 3_600_000.0), Map.entry("hr", 3_600_000.0), Map.entry("hour", 3_600_000.0),
			Map.entry("hours", 3_600_000.0));

	private final SentenceEncoders encoders;
	private final Progress progress;

	public CabinCompiler(SentenceEncoders encoders) {
		this(encoders, Progress.NONE);
	}

	/** A compiler that tells how far it is with embedding the examples and training the classifiers. */
	public CabinCompiler(SentenceEncoders encoders, Progress progress) {
		this.encoders = encoders;
		this.progress = progress;
	}

	public CabinIr compile(List<CabinFile> files) {
		Map<String, EncoderInfo> usedEncoders = new TreeMap<>();
		List<EntityIr> sharedEntities = new ArrayList<>();
		List<ToolIr> sharedTools = new ArrayList<>();
		for (CabinFile file : files) {
			file.getEntities().forEach(entity -> sharedEntities.add(entity(entity)));
			file.getTools().forEach(tool -> sharedTools.add(tool(tool)));
		}
		List<AgentIr> agents = new ArrayList<>();
		for (CabinFile file : files) {
			for (Agent agent : file.getAgents()) {
				agents.add(new AgentCompilation(agent, sharedEntities, sharedTools).compile(usedEncoders));
			}
		}
		return new CabinIr(CabinIr.FORMAT_VERSION, usedEncoders, agents);
	}

	/** The compilation of one agent, which knows the agent's default locale. */
	private final class AgentCompilation {
		private final Agent agent;
		private final String defaultLocale;
		private final List<EntityIr> entities = new ArrayList<>();
		private final List<ToolIr> tools = new ArrayList<>();
		private final List<SoftmaxTraining.Example> training = new ArrayList<>();
		private final AtomicInteger embedded = new AtomicInteger();
		private final String embedding;
		private int toEmbed;

		AgentCompilation(Agent agent, List<EntityIr> sharedEntities, List<ToolIr> sharedTools) {
			this.agent = agent;
			this.defaultLocale = agent.getLocales().isEmpty() ? "en-US" : agent.getLocales().get(0);
			agent.getEntities().forEach(entity -> entities.add(entity(entity)));
			entities.addAll(sharedEntities);
			agent.getTools().forEach(tool -> tools.add(tool(tool)));
			tools.addAll(sharedTools);
			this.embedding = "embedding the examples of " + agent.getName();
		}

		AgentIr compile(Map<String, EncoderInfo> usedEncoders) {
			List<String> outOfScope = OutOfScopeExamples.of(agent);
			toEmbed = outOfScope.size() + agent.getIntents().stream().flatMap(intent -> intent.getUtterances().stream())
					.mapToInt(utterances -> utterances.getTexts().size()).sum();
			progress.report(embedding, 0, toEmbed);
			List<IntentIr> intents = new ArrayList<>();
			for (Intent intent : agent.getIntents()) {
				intents.add(intent(intent, usedEncoders));
			}
			training.addAll(outOfScope.parallelStream().map(TextNormalizer::normalize).map(text -> {
				Language language = Language.ofText(text);
				return new SoftmaxTraining.Example(language, null, text, embed(encoders.forLanguage(language), text));
			}).toList());
			List<TriggerIr> triggers = agent.getTriggers().stream().map(this::trigger).toList();
			List<FlowIr> flows = agent.getFlows().stream()
					.map(flow -> new FlowIr(flow.getName(), steps(flow.getSteps()))).toList();
			List<PolicyIr> policies = agent.getPolicies().stream().map(this::policy).toList();
			List<TestIr> tests = agent.getTests().stream().map(this::test).toList();
			DefaultsIr defaults = defaults(agent.getDefaults());
			ClassifierIr classifier = SoftmaxTraining.train(training, Language.ofLocale(defaultLocale),
					defaults.confidence(), progress);
			return new AgentIr(agent.getName(), agent.getTitle() != null ? agent.getTitle() : agent.getName(),
					agent.getLocales(), localized(agent.getPersona()), agent.getWakeWords(), defaults, entities,
					intents, tools, triggers, flows, policies, classifier, tests);
		}

		private DefaultsIr defaults(Defaults defaults) {
			if (defaults == null) {
				return DefaultsIr.NONE;
			}
			return new DefaultsIr(defaults.getConfidence() == null ? null : Double.valueOf(defaults.getConfidence()),
					localized(defaults.getFallback()), defaults.getTimeout() == null ? null : millis(defaults.getTimeout()),
					defaults.getMaxWords() > 0 ? defaults.getMaxWords() : null, defaults.getLlm());
		}

		private IntentIr intent(Intent intent, Map<String, EncoderInfo> usedEncoders) {
			List<SlotIr> slots = new ArrayList<>();
			for (Slot slot : intent.getSlots()) {
				slots.add(new SlotIr(slot.getName(), type(slot.getType()), slot.isRequired(), localized(slot.getPrompt())));
			}
			List<ExampleIr> examples = new ArrayList<>();
			for (LocalizedPhrases utterances : intent.getUtterances()) {
				String locale = utterances.getLocale();
				Language language = Language.ofLocale(locale);
				SentenceEncoder encoder = encoders.forLanguage(language);
				usedEncoders.put(language.code(), new EncoderInfo(encoder.modelId(), encoder.dimension()));
				List<String> texts = utterances.getTexts();
				List<String> spoken = texts.stream().map(text -> TextNormalizer.normalize(filled(text, locale, slots)))
						.toList();
				List<float[]> vectors = spoken.parallelStream().map(text -> embed(encoder, text)).toList();
				for (int i = 0; i < texts.size(); i++) {
					examples.add(new ExampleIr(locale, texts.get(i), IrCodec.pack(vectors.get(i))));
					training.add(new SoftmaxTraining.Example(language, intent.getName(), spoken.get(i), vectors.get(i)));
				}
			}
			return new IntentIr(intent.getName(), examples, slots);
		}

		private float[] embed(SentenceEncoder encoder, String normalized) {
			float[] vector = encoder.encode(normalized);
			progress.report(embedding, embedded.incrementAndGet(), toEmbed);
			return vector;
		}

		private String filled(String text, String locale, List<SlotIr> slots) {
			return UtteranceTemplate.parse(text).filled(slotName -> slots.stream()
					.filter(slot -> slot.name().equals(slotName)).findFirst()
					.map(slot -> SlotSamples.sample(slot.type(), locale, entities)).orElse(slotName));
		}

		private TriggerIr trigger(Trigger trigger) {
			return new TriggerIr(event(trigger.getEvent()), trigger.getPartner() == null ? null : event(trigger.getPartner()),
					trigger.getWindow() == null ? 0 : millis(trigger.getWindow()),
					trigger.getGuard() == null ? null : expression(trigger.getGuard()), action(trigger.getAction()));
		}

		private EventIr event(TriggerEvent event) {
			if (event instanceof VoiceEvent voice) {
				return new EventIr.Voice(voice.getIntent().getName());
			}
			if (event instanceof WakeWordEvent) {
				return new EventIr.Wake();
			}
			if (event instanceof GazeEvent gaze) {
				return new EventIr.Gaze(gaze.getZone(), gaze.getDwell() == null ? 0 : millis(gaze.getDwell()));
			}
			if (event instanceof GestureEvent gesture) {
				return new EventIr.Gesture(gesture.getGesture());
			}
			if (event instanceof PostureEvent posture) {
				return new EventIr.Posture(posture.getState());
			}
			if (event instanceof SignalEvent signal) {
				ExprIr condition = expression(signal.getCondition());
				ExprIr.Compare comparison = condition instanceof ExprIr.Compare compare ? compare
						: new ExprIr.Compare(condition, "==", new ExprIr.Literal(ValueIr.of(true)));
				return new EventIr.Signal(comparison, signal.getDebounce() == null ? 0 : millis(signal.getDebounce()),
						signal.getHysteresis() == null ? 0 : Double.parseDouble(signal.getHysteresis().getValue()));
			}
			if (event instanceof TouchEvent touch) {
				return new EventIr.Touch(touch.getControl());
			}
			TimerEvent timer = (TimerEvent) event;
			return new EventIr.Timer(timer.isRepeating(), millis(timer.getPeriod()));
		}

		private ActionIr action(TriggerAction action) {
			if (action instanceof FlowAction flow) {
				return new ActionIr.StartFlow(flow.getFlow().getName());
			}
			if (action instanceof IntentAction intent) {
				return new ActionIr.AsIntent(intent.getIntent().getName());
			}
			return new ActionIr.Call(call(((CallAction) action).getCall()));
		}

		private List<StepIr> steps(List<Step> steps) {
			return steps.stream().map(this::step).toList();
		}

		private List<StepIr> block(Block block) {
			return block == null ? List.of() : steps(block.getSteps());
		}

		private StepIr step(Step step) {
			if (step instanceof Say say) {
				return new StepIr.Say(localized(say.getTexts()), localized(say.getScreen()));
			}
			if (step instanceof Ask ask) {
				Slot slot = ask.getSlot();
				return new StepIr.Ask(((Intent) slot.eContainer()).getName(), slot.getName(), localized(ask.getPrompt()));
			}
			if (step instanceof dev.cabin.dsl.cabin.Confirm confirm) {
				return new StepIr.Confirm(localized(confirm.getTexts()), block(confirm.getYes()), block(confirm.getNo()));
			}
			if (step instanceof Branch branch) {
				List<StepIr.Case> cases = new ArrayList<>();
				for (Case branchCase : branch.getCases()) {
					cases.add(new StepIr.Case(expression(branchCase.getCondition()), block(branchCase.getBody())));
				}
				return new StepIr.Branch(cases, block(branch.getOtherwise()));
			}
			if (step instanceof CallStep call) {
				return new StepIr.Call(call(call.getCall()));
			}
			if (step instanceof Generate generate) {
				return new StepIr.Generate(localized(generate.getInstructions()), localized(generate.getFallback()),
						generate.getMaxWords() > 0 ? generate.getMaxWords() : null);
			}
			if (step instanceof Handoff handoff) {
				return new StepIr.Handoff(handoff.getAgent().getName(),
						handoff.getIntent() == null ? null : handoff.getIntent().getName());
			}
			if (step instanceof RunFlow run) {
				return new StepIr.Run(run.getFlow().getName());
			}
			if (step instanceof End) {
				return new StepIr.End();
			}
			throw new CompileException(location(step) + ": no IR for " + step.eClass().getName());
		}

		private PolicyIr policy(Policy policy) {
			PolicyRules rules = PolicyRules.of(policy);
			return new PolicyIr(policy.getName(), expression(policy.getCondition()), rules.maxWords(),
					rules.noScreenText(), rules.confirmActuators(), rules.deniedTools().stream().map(Tool::getName).toList());
		}

		private TestIr test(ConversationTest test) {
			List<TestIr.Step> steps = new ArrayList<>();
			for (TestStep step : test.getSteps()) {
				steps.add(testStep(step));
			}
			return new TestIr(test.getName(), sourceOf(test), line(test), steps);
		}

		private TestIr.Step testStep(TestStep step) {
			int line = line(step);
			if (step instanceof Given given) {
				if (given.getDriverState() != null) {
					return new TestIr.Step.GivenDriver(given.getDriverState(), line);
				}
				if (given.getLocale() != null) {
					return new TestIr.Step.GivenLocale(given.getLocale(), line);
				}
				Map<String, ValueIr> signals = new LinkedHashMap<>();
				for (SignalAssignment assignment : given.getAssignments()) {
					signals.put(assignment.getPath(), literal(assignment.getValue()));
				}
				return new TestIr.Step.GivenSignals(signals, line);
			}
			if (step instanceof ExpectIntent expect) {
				return new TestIr.Step.ExpectIntent(expect.getIntent().getName(), line);
			}
			if (step instanceof ExpectReply expect) {
				return new TestIr.Step.ExpectReply(expect.isContains(), expect.getText(), line);
			}
			if (step instanceof ExpectCall expect) {
				return new TestIr.Step.ExpectCall(expect.getTool().getName(), arguments(expect.getArgs()), expect.isNone(),
						line);
			}
			if (step instanceof ExpectFlow expect) {
				return new TestIr.Step.ExpectFlow(expect.getFlow().getName(), line);
			}
			if (step instanceof ExpectHandoff expect) {
				return new TestIr.Step.ExpectHandoff(expect.getAgent().getName(), line);
			}
			if (step instanceof ExpectFallback) {
				return new TestIr.Step.ExpectFallback(line);
			}
			if (step instanceof ExpectEnd) {
				return new TestIr.Step.ExpectEnd(line);
			}
			return new TestIr.Step.Input(input(step), line);
		}

		private InputEvent input(TestStep step) {
			if (step instanceof VoiceInput voice) {
				return new InputEvent.Voice(voice.getText(), voice.getLocale(), 1.0);
			}
			if (step instanceof WakeInput wake) {
				return new InputEvent.Wake(wake.getPhrase());
			}
			if (step instanceof GazeInput gaze) {
				return new InputEvent.Gaze(gaze.getZone(), gaze.getDwell() == null ? 0 : millis(gaze.getDwell()));
			}
			if (step instanceof GestureInput gesture) {
				return new InputEvent.Gesture(gesture.getGesture());
			}
			if (step instanceof PostureInput posture) {
				return new InputEvent.Posture(posture.getState());
			}
			if (step instanceof SignalInput signal) {
				return new InputEvent.Signal(signal.getAssignment().getPath(),
						literal(signal.getAssignment().getValue()).engineValue());
			}
			if (step instanceof TouchInput touch) {
				return new InputEvent.Touch(touch.getControl());
			}
			if (step instanceof WaitInput wait) {
				return new InputEvent.Wait(millis(wait.getDuration()));
			}
			throw new CompileException(location(step) + ": no IR for " + step.eClass().getName());
		}

		private Map<String, String> localized(List<LocalizedText> texts) {
			Map<String, String> byLocale = new LinkedHashMap<>();
			for (LocalizedText text : texts) {
				byLocale.put(text.getLocale() != null ? text.getLocale() : defaultLocale, text.getText());
			}
			return byLocale;
		}
	}

	private EntityIr entity(Entity entity) {
		List<EntityIr.Value> values = new ArrayList<>();
		for (EntityValue value : entity.getValues()) {
			Map<String, List<String>> synonyms = new LinkedHashMap<>();
			for (LocalizedPhrases phrases : value.getSynonyms()) {
				synonyms.computeIfAbsent(phrases.getLocale(), l -> new ArrayList<>()).addAll(phrases.getTexts());
			}
			values.add(new EntityIr.Value(value.getName(), synonyms));
		}
		return new EntityIr(entity.getName(), values);
	}

	private ToolIr tool(Tool tool) {
		List<ToolIr.Param> params = new ArrayList<>();
		for (ToolParam param : tool.getParams()) {
			params.add(new ToolIr.Param(param.getName(), type(param.getType()), param.isOptional(),
					param.getDefaultValue() == null ? null : literal(param.getDefaultValue())));
		}
		ToolIr.Binding binding = null;
		if (tool.getBinding() instanceof ActuatorBinding actuator) {
			binding = new ToolIr.Binding.Actuator(actuator.getPath());
		} else if (tool.getBinding() instanceof HandlerBinding handler) {
			binding = new ToolIr.Binding.Handler(handler.getHandler());
		}
		return new ToolIr(tool.getName(), tool.getDescription(), params,
				tool.getReturnType() == null ? null : type(tool.getReturnType()), binding);
	}

	private static TypeIr type(ValueType type) {
		if (type instanceof BuiltinValueType builtin) {
			return TypeIr.builtin(builtin.getBuiltin().getLiteral());
		}
		return TypeIr.entity(((EntityValueType) type).getEntity().getName());
	}

	private CallIr call(Call call) {
		return new CallIr(call.getTool().getName(), arguments(call.getArgs()), call.getResult());
	}

	private Map<String, ExprIr> arguments(List<Argument> args) {
		Map<String, ExprIr> compiled = new LinkedHashMap<>();
		for (Argument arg : args) {
			compiled.put(arg.getName(), expression(arg.getValue()));
		}
		return compiled;
	}

	private ExprIr expression(Expression expression) {
		if (expression instanceof Or or) {
			return new ExprIr.Or(expression(or.getLeft()), expression(or.getRight()));
		}
		if (expression instanceof And and) {
			return new ExprIr.And(expression(and.getLeft()), expression(and.getRight()));
		}
		if (expression instanceof Not not) {
			return new ExprIr.Not(expression(not.getOperand()));
		}
		if (expression instanceof Comparison comparison) {
			return new ExprIr.Compare(expression(comparison.getLeft()), comparison.getOp().getLiteral(),
					expression(comparison.getRight()));
		}
		if (expression instanceof Literal literal) {
			return new ExprIr.Literal(literal(literal));
		}
		if (expression instanceof DriverState driver) {
			return new ExprIr.Driver(driver.getState());
		}
		if (expression instanceof Reference reference) {
			return new ExprIr.Ref(reference.getPath());
		}
		throw new CompileException(location(expression) + ": no IR for " + expression.eClass().getName());
	}

	private static ValueIr literal(Literal literal) {
		if (literal instanceof NumberLiteral number) {
			return new ValueIr(Double.valueOf(number.getValue()), number.getUnit());
		}
		if (literal instanceof StringLiteral string) {
			return ValueIr.of(string.getValue());
		}
		return ValueIr.of(((BooleanLiteral) literal).isValue());
	}

	private static long millis(Duration duration) {
		Double factor = MILLIS_PER_UNIT.get(duration.getUnit());
		if (factor == null) {
			throw new CompileException(location(duration) + ": unknown time unit \"" + duration.getUnit()
					+ "\" (use ms, s, min or h)");
		}
		return Math.round(Double.parseDouble(duration.getValue()) * factor);
	}

	private static int line(EObject object) {
		INode node = NodeModelUtils.findActualNodeFor(object);
		return node == null ? 0 : node.getStartLine();
	}

	private static String sourceOf(EObject object) {
		if (object.eResource() == null) {
			return "?";
		}
		var uri = object.eResource().getURI();
		return uri.isFile() ? uri.toFileString() : uri.toString();
	}

	private static String location(EObject object) {
		return sourceOf(object) + ":" + line(object);
	}
}
