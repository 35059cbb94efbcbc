package dev.cabin.dsl.ide.server;

import java.util.List;
import java.util.logging.Logger;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Lets through only what the server can handle, answering the rest as the protocol says: before
 * {@code initialize}, requests get "server not initialized" and notifications (but {@code exit}) are dropped;
 * a second {@code initialize} is an invalid request; a method the server does not know is "method not found"
 * (an unknown notification is dropped); a request without the params its method needs has invalid params; a
 * response to nothing the server asked is dropped. Runs on the thread that reads the messages, in their order.
 */
final class RequestGate implements MessageConsumer {

	private static final Logger LOG = Logger.getLogger(RequestGate.class.getName());
	private static final String INITIALIZE = "initialize";

	private final MessageConsumer next;
	private final MessageJsonHandler json;
	private final RemoteEndpoint endpoint;
	private boolean initializing;

	RequestGate(MessageConsumer next, MessageJsonHandler json, RemoteEndpoint endpoint) {
		this.next = next;
		this.json = json;
		this.endpoint = endpoint;
	}

	@Override
	public void consume(Message message) {
		if (message instanceof RequestMessage request && admits(request)
				|| message instanceof NotificationMessage notification && admits(notification)
				|| message instanceof ResponseMessage response && admits(response)) {
			next.consume(message);
		}
	}

	private boolean admits(RequestMessage request) {
		String method = request.getMethod();
		if (INITIALIZE.equals(method)) {
			if (initializing) {
				return refuse(request, ResponseErrorCode.InvalidRequest, "The server is already initialized");
			}
			initializing = true;
		} else if (!initializing) {
			return refuse(request, ResponseErrorCode.ServerNotInitialized,
					"The server is not initialized: the first request must be initialize");
		}
		JsonRpcMethod known = json.getJsonRpcMethod(method);
		if (known == null || known.isNotification()) {
			return refuse(request, ResponseErrorCode.MethodNotFound, "Method not found: " + Problems.firstLine(method));
		}
		if (known.getParameterTypes().length > 0 && request.getParams() == null) {
			return refuse(request, ResponseErrorCode.InvalidParams, method + " needs params");
		}
		return true;
	}

	private boolean refuse(RequestMessage request, ResponseErrorCode code, String reason) {
		endpoint.handle(request, List.of(new MessageIssue(reason, code.getValue())));
		return false;
	}

	private boolean admits(NotificationMessage notification) {
		String method = notification.getMethod();
		if (!initializing && !"exit".equals(method)) {
			return false;
		}
		JsonRpcMethod known = json.getJsonRpcMethod(method);
		if (known == null || !known.isNotification()) {
			if (!method.startsWith("$/")) {
				LOG.info("Cabin language server: ignored the unknown notification " + Problems.firstLine(method));
			}
			return false;
		}
		return true;
	}

	private boolean admits(ResponseMessage response) {
		if (response.getId() == null || endpoint.resolveMethod(response.getId()) == null) {
			LOG.info("Cabin language server: ignored a response to no request of the server");
			return false;
		}
		return true;
	}
}
