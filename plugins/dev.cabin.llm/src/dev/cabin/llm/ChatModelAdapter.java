package dev.cabin.llm;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.engine.llm.LlmException;
import dev.cabin.engine.llm.LlmMessage;
import dev.cabin.engine.llm.LlmRequest;
import dev.cabin.engine.llm.LlmResponse;
import dev.cabin.engine.llm.LlmTool;
import dev.cabin.engine.llm.LlmToolCall;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * The engine's {@link LanguageModel} port over a LangChain4j {@link ChatModel} or {@link StreamingChatModel}:
 * translates requests, tool specifications and answers, and classifies LangChain4j's failures so that the
 * engine knows which ones to retry.
 */
public final class ChatModelAdapter implements LanguageModel {

	private final String name;
	private final ChatModel model;
	private final StreamingChatModel streamingModel;

	private ChatModelAdapter(String name, ChatModel model, StreamingChatModel streamingModel) {
		this.name = name;
		this.model = model;
		this.streamingModel = streamingModel;
	}

	public static ChatModelAdapter of(String name, ChatModel model) {
		return new ChatModelAdapter(name, model, null);
	}

	public static ChatModelAdapter streaming(String name, StreamingChatModel model) {
		return new ChatModelAdapter(name, null, model);
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public LlmResponse chat(LlmRequest request, Consumer<String> partials) throws LlmException {
		ChatRequest chatRequest = toChatRequest(request);
		try {
			ChatResponse response = model != null ? model.chat(chatRequest) : stream(chatRequest, partials);
			return toResponse(response, request);
		} catch (RuntimeException e) {
			throw classify(e);
		}
	}

	private ChatResponse stream(ChatRequest request, Consumer<String> partials) throws LlmException {
		CompletableFuture<ChatResponse> done = new CompletableFuture<>();
		streamingModel.chat(request, new StreamingChatResponseHandler() {
			@Override
			public void onPartialResponse(String partial) {
				partials.accept(partial);
			}

			@Override
			public void onCompleteResponse(ChatResponse response) {
				done.complete(response);
			}

			@Override
			public void onError(Throwable error) {
				done.completeExceptionally(error);
			}
		});
		try {
			return done.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while the answer streamed in");
		} catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? classify(runtime)
					: new LlmException(LlmException.Kind.SERVER, "the stream failed: " + e.getCause(), e.getCause());
		}
	}

	/** LangChain4j's failures as the engine's kinds: 429 and 5xx and timeouts may pass, the rest will not. */
	static LlmException classify(RuntimeException e) {
		String message = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
		if (e instanceof RateLimitException) {
			return new LlmException(LlmException.Kind.RATE_LIMITED, message, e);
		}
		if (e instanceof InternalServerException) {
			return new LlmException(LlmException.Kind.SERVER, message, e);
		}
		if (e instanceof TimeoutException || causedBy(e, HttpTimeoutException.class)) {
			return new LlmException(LlmException.Kind.TIMEOUT, message, e);
		}
		if (e instanceof AuthenticationException || e instanceof InvalidRequestException
				|| e instanceof ModelNotFoundException) {
			return new LlmException(LlmException.Kind.REFUSED, message, e);
		}
		if (e instanceof HttpException http) {
			LlmException.Kind kind = http.statusCode() == 429 ? LlmException.Kind.RATE_LIMITED
					: http.statusCode() >= 500 ? LlmException.Kind.SERVER : LlmException.Kind.REFUSED;
			return new LlmException(kind, message, e);
		}
		if (e instanceof UncheckedIOException || causedBy(e, java.io.IOException.class)
				&& !causedBy(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
			return new LlmException(LlmException.Kind.SERVER, message, e);
		}
		return new LlmException(LlmException.Kind.MALFORMED, message, e);
	}

	private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		String line = text.lines().findFirst().orElse("");
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

	static ChatRequest toChatRequest(LlmRequest request) {
		List<ChatMessage> messages = new ArrayList<>();
		for (LlmMessage message : request.messages()) {
			messages.add(switch (message.role()) {
			case "system" -> SystemMessage.from(message.text());
			case "assistant" -> message.toolCalls().isEmpty() ? AiMessage.from(message.text())
					: message.text() == null || message.text().isBlank()
							? AiMessage.from(message.toolCalls().stream().map(ChatModelAdapter::toRequest).toList())
							: AiMessage.from(message.text(), message.toolCalls().stream().map(ChatModelAdapter::toRequest).toList());
			case "tool" -> ToolExecutionResultMessage.from(message.toolCallId(), message.toolName(), message.text());
			default -> UserMessage.from(message.text());
			});
		}
		ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
		if (!request.tools().isEmpty()) {
			builder.toolSpecifications(request.tools().stream().map(ChatModelAdapter::toSpecification).toList());
		}
		return builder.build();
	}

	private static ToolExecutionRequest toRequest(LlmToolCall call) {
		return ToolExecutionRequest.builder().id(call.id()).name(wireName(call.name())).arguments(call.argumentsJson())
				.build();
	}

	private static ToolSpecification toSpecification(LlmTool tool) {
		JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
		List<String> required = new ArrayList<>();
		for (LlmTool.Param param : tool.params()) {
			parameters.addProperty(param.name(), schema(param));
			if (param.required()) {
				required.add(param.name());
			}
		}
		return ToolSpecification.builder().name(wireName(tool.name())).description(tool.description())
				.parameters(parameters.required(required).build()).build();
	}

	private static JsonSchemaElement schema(LlmTool.Param param) {
		if (!param.allowed().isEmpty()) {
			return JsonEnumSchema.builder().enumValues(param.allowed()).description(param.description()).build();
		}
		return switch (param.type()) {
		case "number" -> JsonNumberSchema.builder().description(param.description()).build();
		case "boolean" -> JsonBooleanSchema.builder().description(param.description()).build();
		default -> JsonStringSchema.builder().description(param.description()).build();
		};
	}

	/**
	 * A tool name as providers accept it: OpenAI allows only letters, digits, '_' and '-', so the dots of
	 * qualified names ({@code sunroof.open}) become "__".
	 */
	static String wireName(String name) {
		return name.replace(".", "__");
	}

	/** The declared name of a tool the model called, or the name as the model wrote it if it offered none such. */
	private static String declaredName(String wireName, LlmRequest request) {
		for (LlmTool tool : request.tools()) {
			if (wireName(tool.name()).equals(wireName)) {
				return tool.name();
			}
		}
		return wireName;
	}

	private static LlmResponse toResponse(ChatResponse response, LlmRequest request) throws LlmException {
		AiMessage message = response == null ? null : response.aiMessage();
		if (message == null) {
			throw new LlmException(LlmException.Kind.MALFORMED, "the answer has no message");
		}
		List<LlmToolCall> calls = new ArrayList<>();
		if (message.hasToolExecutionRequests()) {
			for (ToolExecutionRequest call : message.toolExecutionRequests()) {
				calls.add(new LlmToolCall(call.id(), declaredName(call.name(), request), call.arguments()));
			}
		}
		return new LlmResponse(message.text(), calls);
	}
}
