package dev.cabin.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;

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
 * the turn ({@link SimMessages}). {@code {"type":"save-test","name":"N"}} appends the conversation so far to the
 * agent as a conversation test; {@code {"type":"replay-tests"}} runs the agent's tests as the file is now. Bad
 * input is answered with an error message that says what was wrong; the session goes on.
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
	private final ConversationTestWriter testWriter;
	private SimConversation conversation;

	SimSocket(SimulatorEngines engines, ConversationTestWriter testWriter, AtomicInteger open, int maxOpen,
			int maxMessageChars) {
		this.engines = engines;
		this.testWriter = testWriter;
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
		JsonObject command = command(message);
		String type = command == null ? null : text(command, "type");
		if ("load".equals(type)) {
			return load(command);
		}
		if (conversation == null) {
			return SimMessages.error("no agent loaded yet: send {\"type\":\"load\",\"path\":\"FILE.cabin\"} first");
		}
		try {
			if ("save-test".equals(type)) {
				String name = text(command, "name");
				if (name == null) {
					return SimMessages.error("missing text field \"name\" (the test's name)");
				}
				return SimMessages.saved(conversation.path(), name.strip(), testWriter.save(conversation, name));
			}
			if ("replay-tests".equals(type)) {
				return SimMessages.tests(conversation.path(), SimConversation.runTests(
						engines.compile(conversation.path()), conversation.agent().id(), engines), engines.paths());
			}
			return SimMessages.turn(conversation.handle(events.parse(message)), conversation);
		} catch (EventFormatException | Refusal e) {
			return SimMessages.error(e.getMessage());
		} catch (IOException e) {
			LOG.warning("cabin web: a simulator session could not save its test: " + e);
			return SimMessages.error("the test could not be saved: " + e.getMessage());
		}
	}

	/* The message as a JSON object, or null: then the event reader says what is wrong with it. */
	private static JsonObject command(String message) {
		try {
			JsonElement parsed = STRICT_JSON.fromJson(message);
			return parsed != null && parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
		} catch (IOException | JsonParseException e) {
			return null;
		}
	}

	private static String text(JsonObject message, String field) {
		JsonElement value = message.get(field);
		return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString()
				: null;
	}

	private String load(JsonObject message) {
		String path = text(message, "path");
		if (path == null) {
			return SimMessages.error("missing text field \"path\" (a .cabin file of the workspace)");
		}
		try {
			conversation = new SimConversation(engines.compile(path));
			return SimMessages.loaded(conversation);
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
