package dev.cabin.dsl.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.jsonrpc.validation.ReflectiveMessageValidator;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Connects the server to a client over a pair of streams, with every layer that keeps a hostile client from
 * stalling or crashing it: messages read within {@link LspLimits} ({@link BoundedMessageReader}), requests let
 * through only when the server can take them ({@link RequestGate}) and with the params their type requires
 * (LSP4J's validator), documents and positions guarded ({@link GuardedEndpoint}), errors answered without
 * stack traces ({@link ErrorReplies}), Xtext's own log in one line per failure ({@link OneLineLog}).
 */
final class GuardedConnection extends Launcher.Builder<LanguageClient> {

	private final LspLimits limits;
	private GuardedEndpoint guarded;
	private MessageJsonHandler json;
	private RemoteEndpoint remote;

	private GuardedConnection(LspLimits limits) {
		this.limits = limits;
	}

	/** Serves the client until the input ends; the future is done then. */
	static Future<Void> listen(LanguageServerImpl server, InputStream in, OutputStream out, LspLimits limits) {
		OneLineLog.install();
		GuardedConnection connection = new GuardedConnection(limits);
		connection.setLocalService(server).setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out);
		Launcher<LanguageClient> launcher = connection.create();
		LanguageClient client = launcher.getRemoteProxy();
		connection.guarded.connect(client);
		server.connect(withoutStaleDiagnostics(client, connection.guarded));
		return launcher.startListening();
	}

	@Override
	protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
		MessageConsumer outgoing = wrapMessageConsumer(new StreamMessageConsumer(output, jsonHandler));
		guarded = new GuardedEndpoint(ServiceEndpoints.toEndpoint(localServices), limits);
		remote = new RemoteEndpoint(outgoing, guarded, ErrorReplies::of);
		jsonHandler.setMethodProvider(remote);
		remote.setJsonHandler(jsonHandler);
		json = jsonHandler;
		return remote;
	}

	@Override
	protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer unguarded, MessageConsumer consumer,
			LanguageClient client) {
		MessageConsumer validated = new ReflectiveMessageValidator(consumer);
		// initialize goes unvalidated: simple clients omit the capabilities LSP4J requires, and Xtext does without
		MessageConsumer gated = new RequestGate(message -> (message instanceof RequestMessage request
				&& "initialize".equals(request.getMethod()) ? consumer : validated).consume(message), json, remote);
		return new ConcurrentMessageProcessor(new BoundedMessageReader(input, json, remote, guarded::refused, limits), gated);
	}

	/*
	 * Xtext's diagnostics for a document it was made to forget (refused as too large) would replace the one that
	 * says why; they are not passed on.
	 */
	private static LanguageClient withoutStaleDiagnostics(LanguageClient client, GuardedEndpoint guarded) {
		return PublishedDiagnostics.mapped(client, published -> guarded.isRefused(published.getUri()) ? null : published);
	}
}
