package dev.cabin.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.engine.llm.LlmMessage;
import dev.cabin.engine.llm.LlmRequest;
import dev.cabin.engine.llm.LlmResponse;
import dev.cabin.engine.llm.LlmTool;
import dev.cabin.engine.llm.LlmToolCall;
import dev.cabin.engine.llm.ResilientModel;
import dev.cabin.engine.nlu.IntentCandidate;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Recognition;
import dev.cabin.language.Words;

/**
 * What a session asks an LLM: replies for generate steps (with the agent's declared tools, whose calls are
 * validated and policed like any other), and which intent an ambiguous utterance means. A failed call never
 * costs the session anything: the authored fallback is said and the trace tells why.
 */
final class Generation {

	/** Messages of the conversation an LLM sees. */
	static final int HISTORY = 8;
	/** Tool-call rounds per generate step before the model must answer in words. */
	static final int MAX_TOOL_ROUNDS = 2;
	static final String CHOOSE_INTENT = "choose_intent";

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final TurnContext context;
	private final ToolInvoker tools;
	private final Replies replies;

	Generation(TurnContext context, ToolInvoker tools, Replies replies) {
		this.context = context;
		this.tools = tools;
		this.replies = replies;
	}

	void generate(StepIr.Generate step, String flow) {
		AgentIr agent = context.ir();
		String fallback = !step.fallback().isEmpty() ? replies.render(step.fallback())
				: !agent.defaults().fallback().isEmpty() ? replies.render(agent.defaults().fallback())
				: replies.phrase(Phrases.CANNOT_ANSWER);
		ResilientModel model = context.model();
		if (model == null) {
			context.trace().transition("generate: no LLM configured; the authored fallback is said");
			replies.policed("say", fallback, null, flow);
			return;
		}
		Integer limit = min(step.maxWords(), agent.defaults().maxWords());
		List<LlmMessage> messages = new ArrayList<>();
		messages.add(LlmMessage.system(systemPrompt(replies.instructions(step.instructions()), limit)));
		messages.addAll(context.history());
		List<LlmTool> tools = agent.tools().stream().map(tool -> offered(tool, agent)).toList();
		String text = null;
		for (int round = 0; round <= MAX_TOOL_ROUNDS && text == null; round++) {
			ResilientModel.Outcome outcome = exchange(model, "generate", new LlmRequest(messages, tools));
			if (!outcome.succeeded()) {
				context.trace().transition("generate: the LLM failed (" + outcome.failure().kind() + "); the authored fallback is said");
				replies.policed("say", fallback, null, flow);
				return;
			}
			LlmResponse response = outcome.response();
			if (response.toolCalls().isEmpty() || round == MAX_TOOL_ROUNDS) {
				text = response.text();
				break;
			}
			messages.add(LlmMessage.assistant(response.text(), response.toolCalls()));
			for (LlmToolCall call : response.toolCalls()) {
				ToolCall done = callFor(call);
				if (done == null) {
					return;
				}
				messages.add(LlmMessage.toolResult(call, json(Map.of("outcome", done.outcome(),
						"result", String.valueOf(done.result()), "reason", String.valueOf(done.reason())))));
			}
		}
		if (text == null || text.isBlank()) {
			context.trace().transition("generate: the LLM gave no text; the authored fallback is said");
			replies.policed("say", fallback, null, flow);
			return;
		}
		if (limit != null && Words.count(text) > limit) {
			context.trace().transition("generate: reply shortened to the step's " + limit + " words");
			text = Words.shorten(text, limit);
		}
		replies.policed("generate", text.strip(), null, flow);
	}

	/** Runs a tool call the model asked for, if it is declared and its arguments are valid. */
	private ToolCall callFor(LlmToolCall call) {
		ToolIr tool = context.ir().tool(call.name());
		Map<String, Object> args;
		try {
			args = call.argumentsJson() == null || call.argumentsJson().isBlank() ? new LinkedHashMap<>()
					: new LinkedHashMap<>(JSON.readValue(call.argumentsJson(), OBJECT));
		} catch (JsonProcessingException e) {
			return context.record(new ToolCall(call.name(), Map.of(), "llm", "invalid", null,
					"the arguments are not a JSON object: " + e.getOriginalMessage()));
		}
		return tools.invoke(tool, call.name(), args, "llm", false, null);
	}

	/** Asks the model which of the candidates the utterance means; keeps the recognition if it cannot tell. */
	Recognition resolve(Recognition recognition, String utterance) {
		ResilientModel model = context.model();
		List<String> names = new ArrayList<>(recognition.candidates().stream().map(IntentCandidate::intent).toList());
		names.add("none");
		LlmTool choose = new LlmTool(CHOOSE_INTENT, "Choose the intent the driver's utterance means.",
				List.of(new LlmTool.Param("intent", "string", "the intent, or none", names, true)));
		StringBuilder prompt = new StringBuilder("You route what a driver says to one intent of an in-car assistant. "
				+ "Call " + CHOOSE_INTENT + " with the intent the utterance means, or \"none\" if it means none of these:\n");
		for (IntentCandidate candidate : recognition.candidates()) {
			IntentIr intent = context.ir().intent(candidate.intent());
			List<String> examples = intent == null ? List.of()
					: intent.examples().stream().map(ExampleIr::text).limit(3).toList();
			prompt.append("- ").append(candidate.intent()).append(": e.g. ").append(String.join("; ", examples)).append('\n');
		}
		ResilientModel.Outcome outcome = exchange(model, "resolve",
				new LlmRequest(List.of(LlmMessage.system(prompt.toString()), LlmMessage.user(utterance)), List.of(choose)));
		TurnTrace trace = context.trace();
		if (!outcome.succeeded()) {
			trace.transition("ambiguity: the LLM failed (" + outcome.failure().kind() + "); the classifier decides");
			return recognition;
		}
		for (LlmToolCall call : outcome.response().toolCalls()) {
			if (!call.name().equals(CHOOSE_INTENT)) {
				trace.transition("ambiguity: the LLM called the undeclared tool " + call.name() + "; ignored");
				continue;
			}
			Object chosen = parse(call.argumentsJson()).get("intent");
			if ("none".equals(chosen)) {
				trace.transition("ambiguity: the LLM says none of the intents");
				return new Recognition(recognition.normalized(), recognition.language(), null, recognition.score(),
						recognition.candidates(), "llm", Map.of(), false);
			}
			if (chosen instanceof String intent && names.contains(intent)) {
				trace.transition("ambiguity: the LLM chose " + intent);
				return recognition.resolvedTo(intent, context.agent().nlu().slots(intent, recognition.normalized()));
			}
			trace.transition("ambiguity: the LLM chose " + chosen + ", which is no candidate; ignored");
		}
		return recognition;
	}

	private ResilientModel.Outcome exchange(ResilientModel model, String purpose, LlmRequest request) {
		int[] chunks = new int[1];
		long start = System.nanoTime();
		ResilientModel.Outcome outcome = model.chat(request, partial -> chunks[0]++);
		context.trace().stage("llm", System.nanoTime() - start);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("purpose", purpose);
		entry.put("model", model.name());
		entry.put("request", request);
		entry.put("response", outcome.response());
		entry.put("streamedChunks", chunks[0]);
		entry.put("attempts", outcome.attempts());
		entry.put("failure", outcome.failure() == null ? null : outcome.failure().getMessage());
		context.trace().llm(entry);
		return outcome;
	}

	private String systemPrompt(String instructions, Integer limit) {
		AgentIr agent = context.ir();
		StringBuilder prompt = new StringBuilder();
		String persona = replies.localized(agent.persona());
		if (!persona.isBlank()) {
			prompt.append(persona).append("\n");
		}
		prompt.append(instructions).append("\n");
		prompt.append("Answer in ").append(Language.ofLocale(context.locale()) == Language.ZH ? "Simplified Chinese" : "English")
				.append(" as plain speech for a driver: no lists, no markdown");
		if (limit != null) {
			prompt.append(", at most ").append(limit).append(" words");
		}
		prompt.append(". Call only the tools offered.\n");
		Map<String, Object> facts = new java.util.TreeMap<>(context.vehicle().snapshot());
		facts.putAll(context.memory());
		prompt.append("Facts: ").append(json(facts));
		return prompt.toString();
	}

	/** A declared tool as the model sees it; an entity parameter allows only the entity's values. */
	private static LlmTool offered(ToolIr tool, AgentIr agent) {
		List<LlmTool.Param> params = new ArrayList<>();
		for (ToolIr.Param param : tool.params()) {
			String type = param.type().numeric() ? "number" : "boolean".equals(param.type().builtin()) ? "boolean" : "string";
			EntityIr entity = param.type().entity() == null ? null : agent.entity(param.type().entity());
			List<String> allowed = entity == null ? List.of() : entity.values().stream().map(EntityIr.Value::name).toList();
			params.add(new LlmTool.Param(param.name(), type, param.type().toString(), allowed,
					!param.optional() && param.defaultValue() == null));
		}
		return new LlmTool(tool.name(), tool.description() == null ? tool.name() : tool.description(), params);
	}

	private static Integer min(Integer a, Integer b) {
		return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a value could not be written as JSON", e);
		}
	}

	private static Map<String, Object> parse(String json) {
		try {
			return json == null ? Map.of() : JSON.readValue(json, OBJECT);
		} catch (JsonProcessingException e) {
			return Map.of();
		}
	}
}
