package dev.cabin.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;

import dev.cabin.engine.Engine;
import dev.cabin.engine.event.EventFormatException;
import dev.cabin.engine.event.EventJson;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * {@code /sim}: a simulator session for one browser panel. {@code {"type":"load","path":"a/b.cabin"}} compiles a
 * workspace file and opens a conversation with its first agent in a simulated car; every other message is an
 * input event in the JSON of {@code cabin chat --script} lines, read by the same reader, and is answered with
 * the turn ({@link SimMessages}). Bad input is answered with an error message that says what was wrong; the
 * session goes on.
 */
public final class SimSocket extends Endpoint {

	private static final Logger LOG = Logger.getLogger(SimSocket.class.getName());
	/* Gson's JsonParser would accept what the event reader refuses (unquoted names, single quotes). */
	private static final TypeAdapter<JsonElement> STRICT_JSON = new Gson().getAdapter(JsonElement.class);

	private final SimulatorEngines engines;
	private final AtomicInteger open;
	private final int maxOpen;
	private final int maxMessageChars;
	private final EventJson events = new EventJson();
	private boolean counted;
	private dev.cabin.engine.Session conversation;

	SimSocket(SimulatorEngines engines, AtomicInteger open, int maxOpen, int maxMessageChars) {
		this.engines = engines;
		this.open = open;
		this.maxOpen = maxOpen;
		this.maxMessageChars = maxMessageChars;
	}

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		if (open.incrementAndGet() > maxOpen) {
			open.decrementAndGet();
			close(session, new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
					"the server has " + maxOpen + " simulator sessions open; close one"));
			return;
		}
		counted = true;
		session.setMaxTextMessageBufferSize(maxMessageChars);
		session.addMessageHandler(String.class, (MessageHandler.Whole<String>) message -> send(session, answer(message)));
	}

	/* One message at a time per socket (the container's guarantee), so the conversation needs no lock. */
	private String answer(String message) {
		try {
			JsonElement parsed = STRICT_JSON.fromJson(message);
			if (parsed != null && parsed.isJsonObject() && isLoad(parsed.getAsJsonObject())) {
				return load(parsed.getAsJsonObject());
			}
		} catch (IOException | JsonParseException e) {
			// the event reader says what is wrong with it, in the words of cabin chat --script
		}
		if (conversation == null) {
			return SimMessages.error("no agent loaded yet: send {\"type\":\"load\",\"path\":\"FILE.cabin\"} first");
		}
		try {
			return SimMessages.turn(conversation.handle(events.parse(message)), conversation);
		} catch (EventFormatException e) {
			return SimMessages.error(e.getMessage());
		}
	}

	private static boolean isLoad(JsonObject message) {
		JsonElement type = message.get("type");
		return type != null && type.isJsonPrimitive() && "load".equals(type.getAsString());
	}

	private String load(JsonObject message) {
		JsonElement path = message.get("path");
		if (path == null || !path.isJsonPrimitive() || !path.getAsJsonPrimitive().isString()) {
			return SimMessages.error("missing text field \"path\" (a .cabin file of the workspace)");
		}
		try {
			Engine engine = engines.engine(path.getAsString());
			conversation = engine.openSession(engine.firstAgentId());
			return SimMessages.loaded(path.getAsString(), conversation);
		} catch (Refusal e) {
			return SimMessages.error(e.getMessage());
		}
	}

	@Override
	public void onClose(Session session, CloseReason closeReason) {
		if (counted) {
			counted = false;
			open.decrementAndGet();
		}
	}

	@Override
	public void onError(Session session, Throwable failure) {
		LOG.fine(() -> "cabin web: a simulator session failed: " + failure);
	}

	private static void send(Session session, String json) {
		try {
			if (session.isOpen()) {
				session.getBasicRemote().sendText(json);
			}
		} catch (IOException e) {
			// the browser is gone already
		}
	}

	private static void close(Session session, CloseReason reason) {
		try {
			session.close(reason);
		} catch (IOException e) {
			// the browser is gone already
		}
	}
}
