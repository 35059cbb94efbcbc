package dev.cabin.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import dev.cabin.dsl.ide.server.CabinLanguageServer;
import dev.cabin.dsl.ide.server.LspLimits;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * {@code /lsp}: the Cabin language server for one browser tab, over a WebSocket. Each connection gets a server
 * of its own (its open documents, its workspace index) on the process' one Cabin language (parser, scopes,
 * validation); it reads the browser's messages through the same guarded reader as {@code cabin lsp}, with the
 * same limits. The server ends when the browser closes the socket or sends exit.
 */
public final class LspSocket extends Endpoint {

	private static final Logger LOG = Logger.getLogger(LspSocket.class.getName());

	private final WorkspaceRoot root;
	private final LspLimits limits;
	private final AtomicInteger open;
	private final int maxOpen;
	private FramedInput input;

	LspSocket(WorkspaceRoot root, LspLimits limits, AtomicInteger open, int maxOpen) {
		this.root = root;
		this.limits = limits;
		this.open = open;
		this.maxOpen = maxOpen;
	}

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		if (open.incrementAndGet() > maxOpen) {
			open.decrementAndGet();
			close(session, new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
					"the server has " + maxOpen + " editor sessions open; close a tab"));
			return;
		}
		input = new FramedInput();
		FramedOutput output = new FramedOutput(json -> {
			if (session.isOpen()) {
				session.getBasicRemote().sendText(json);
			}
		});
		CabinLanguageServer.Running server = CabinLanguageServer.start(input, output, limits);
		server.exited().thenRun(() -> close(session,
				new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "the language server exited")));
		session.addMessageHandler(String.class, (MessageHandler.Whole<String>) message -> {
			try {
				input.offer(root.supply(message));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
	}

	@Override
	public void onClose(Session session, CloseReason closeReason) {
		if (input != null) {
			input.end();
			open.decrementAndGet();
			input = null;
		}
	}

	@Override
	public void onError(Session session, Throwable failure) {
		LOG.fine(() -> "cabin web: an editor session failed: " + failure);
	}

	private static void close(Session session, CloseReason reason) {
		try {
			session.close(reason);
		} catch (IOException e) {
			// the browser is gone already
		}
	}
}
