package dev.cabin.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import dev.cabin.engine.Reply;
import dev.cabin.engine.Session;
import dev.cabin.engine.ToolCall;
import dev.cabin.engine.TurnResult;

/**
 * What {@code /sim} sends, one JSON object per message, told apart by {@code type}: {@code loaded} (the agent
 * talking and the car), {@code turn} (the replies, the tool calls, the masked trace and the car and driver
 * after the turn) and {@code error} (what was wrong with the last message).
 */
final class SimMessages {

	private static final Gson JSON = new GsonBuilder().serializeNulls().create();

	private SimMessages() {
	}

	static String loaded(String path, Session conversation) {
		Map<String, Object> message = typed("loaded");
		message.put("path", path);
		message.put("state", state(conversation));
		return JSON.toJson(message);
	}

	static String turn(TurnResult turn, Session conversation) {
		Map<String, Object> message = typed("turn");
		message.put("replies", turn.replies().stream().map(SimMessages::reply).toList());
		message.put("intent", turn.intent());
		message.put("flows", turn.flows());
		message.put("toolCalls", turn.toolCalls().stream().map(SimMessages::toolCall).toList());
		message.put("handoff", turn.handoff());
		message.put("fallback", turn.fallback());
		message.put("awaiting", turn.awaiting());
		message.put("trace", turn.trace().toData());
		message.put("state", state(conversation));
		return JSON.toJson(message);
	}

	static String error(String reason) {
		Map<String, Object> message = typed("error");
		message.put("message", reason);
		return JSON.toJson(message);
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
