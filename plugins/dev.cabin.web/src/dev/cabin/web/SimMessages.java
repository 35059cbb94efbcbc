package dev.cabin.web;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import dev.cabin.conversation.ConversationRunner;
import dev.cabin.engine.Reply;
import dev.cabin.engine.Session;
import dev.cabin.engine.ToolCall;
import dev.cabin.engine.TurnResult;

/**
 * What {@code /sim} sends, one JSON object per message, told apart by {@code type}: {@code loaded} (the agent
 * talking and the car), {@code turn} (the replies, the tool calls, the masked trace and the car and driver
 * after the turn, and the steps it ran), {@code saved} (where the conversation was saved as a test), {@code tests}
 * (the results of replaying the agent's tests) and {@code error} (what was wrong with the last message).
 */
final class SimMessages {

	private static final Gson JSON = new GsonBuilder().serializeNulls().create();

	private SimMessages() {
	}

	static String loaded(SimConversation conversation) {
		Map<String, Object> message = typed("loaded");
		message.put("path", conversation.path());
		message.put("locales", conversation.agent().locales());
		message.put("signals", conversation.signalsRead());
		message.put("watched", conversation.watched());
		message.put("tests", conversation.agent().tests().size());
		message.put("state", state(conversation.session()));
		return JSON.toJson(message);
	}

	static String saved(String path, String name, int line) {
		Map<String, Object> message = typed("saved");
		message.put("path", path);
		message.put("name", name);
		message.put("line", line);
		return JSON.toJson(message);
	}

	/** The results of replaying an agent's tests: pass or fail each, with the failed expectations at their lines. */
	static String tests(String path, List<ConversationRunner.Result> results, WorkspacePaths paths) {
		Map<String, Object> message = typed("tests");
		message.put("path", path);
		message.put("results", results.stream().map(result -> {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("agent", result.agent());
			out.put("test", result.test());
			out.put("line", result.line());
			out.put("passed", result.passed());
			out.put("millis", result.millis());
			out.put("failures", result.failures().stream().map(failure -> paths.shown(Path.of(failure.source()))
					+ ":" + failure.line() + ": " + failure.message()).toList());
			out.put("transcript", result.transcript());
			return out;
		}).toList());
		return JSON.toJson(message);
	}

	static String turn(TurnResult turn, SimConversation simulation) {
		Session conversation = simulation.session();
		Map<String, Object> message = typed("turn");
		message.put("replies", turn.replies().stream().map(SimMessages::reply).toList());
		message.put("intent", turn.intent());
		message.put("flows", turn.flows());
		message.put("toolCalls", turn.toolCalls().stream().map(SimMessages::toolCall).toList());
		message.put("handoff", turn.handoff());
		message.put("fallback", turn.fallback());
		message.put("awaiting", turn.awaiting());
		Map<String, Object> trace = turn.trace().toData();
		message.put("trace", trace);
		message.put("stepPaths", stepPaths(trace));
		message.put("state", state(conversation));
		return JSON.toJson(message);
	}

	static String error(String reason) {
		Map<String, Object> message = typed("error");
		message.put("message", reason);
		return JSON.toJson(message);
	}

	/* The steps the turn ran as the trace names them (agent, flow, step path such as 2.yes.0), in order. */
	private static List<Object> stepPaths(Map<String, Object> trace) {
		return trace.get("visits") instanceof List<?> visits
				? visits.stream().filter(visit -> visit instanceof Map<?, ?> map && map.containsKey("step"))
						.map(Object.class::cast).toList()
				: List.of();
	}

	private static Map<String, Object> typed(String type) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", type);
		return message;
	}

	private static Map<String, Object> reply(Reply reply) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("type", reply.type());
		out.put("text", reply.text());
		out.put("screen", reply.screen());
		out.put("locale", reply.locale());
		out.put("agent", reply.agent());
		out.put("intent", reply.intent());
		out.put("flow", reply.flow());
		return out;
	}

	/* Arguments and results are left to the trace, which masks secrets. */
	private static Map<String, Object> toolCall(ToolCall call) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("tool", call.tool());
		out.put("origin", call.origin());
		out.put("outcome", call.outcome());
		out.put("reason", call.reason());
		return out;
	}

	private static Map<String, Object> state(Session conversation) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("agent", conversation.agentId());
		state.put("locale", conversation.locale());
		state.put("driver", conversation.driverState());
		state.put("awaiting", conversation.awaiting());
		state.put("vehicle", conversation.vehicle().snapshot());
		return state;
	}
}
