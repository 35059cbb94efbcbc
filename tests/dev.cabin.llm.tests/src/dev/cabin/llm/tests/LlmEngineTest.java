package dev.cabin.llm.tests;

import static dev.cabin.testing.LoopbackLlm.ollamaStream;
import static dev.cabin.testing.LoopbackLlm.ollamaText;
import static dev.cabin.testing.LoopbackLlm.ollamaToolCall;
import static dev.cabin.testing.LoopbackLlm.openAiStream;
import static dev.cabin.testing.LoopbackLlm.openAiStreamedToolCall;
import static dev.cabin.testing.LoopbackLlm.openAiText;
import static dev.cabin.testing.LoopbackLlm.openAiToolCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.conversation.Cassette;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Reply;
import dev.cabin.engine.Session;
import dev.cabin.engine.ToolCall;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.llm.FaultPolicy;
import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.llm.LlmConfigurationException;
import dev.cabin.llm.LlmSettings;
import dev.cabin.llm.Providers;
import dev.cabin.testing.LoopbackLlm;
import dev.cabin.testing.Repository;

/**
 * The engine with LangChain4j's real HTTP clients against a loopback server that speaks the OpenAI and Ollama
 * protocols and injects faults. Whatever the model does, the session stays correct: authored fallbacks, only
 * declared tools with valid arguments, driving policies applied to what the model said, keys never traced.
 */
class LlmEngineTest {

	private static final String KEY = "sk-test-0123456789abcdef";
	/*
	 * Quick retries; the timeout only ends a request the server never answers, so it is generous: on a loaded
	 * machine the first request of a new client took over 1.5 s, and a tool-call test failed for nothing.
	 */
	private static final FaultPolicy QUICK_RETRIES = new FaultPolicy(15_000, 2, 20, 3, 60_000);
	private static final ObjectMapper JSON = new ObjectMapper();
	private static CabinIr comfort;

	private LoopbackLlm server;

	@TempDir
	Path dir;

	@BeforeAll
	static void compileTheComfortAgent() {
		LoadResult loaded = CabinSources.standalone()
				.load(List.of(Repository.file("tests/dev.cabin.compiler.tests/agents/comfort.cabin")));
		assertFalse(loaded.hasErrors(), loaded.problems()::toString);
		comfort = new CabinCompiler(OnnxModels.encoders()).compile(loaded.files());
	}

	@BeforeEach
	void startTheServer() throws Exception {
		server = new LoopbackLlm();
	}

	@AfterEach
	void stopTheServer() {
		server.close();
	}

	@Test
	void aGenerateStepSaysWhatTheModelAnswered() throws Exception {
		server.then(openAiText("A tiny car once raced the moon home."));

		TurnResult turn = session("openai", false, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story"));

		Reply reply = turn.replies().get(0);
		assertEquals("generate", reply.type());
		assertEquals("A tiny car once raced the moon home.", reply.text());
		JsonNode request = JSON.readTree(server.received().get(0).body());
		assertEquals("test-model", request.get("model").asText());
		assertTrue(request.get("messages").get(0).get("content").asText().contains("friendly, brief cabin assistant"),
				"the persona is the system prompt");
		assertEquals("sunroof__open", request.get("tools").get(0).get("function").get("name").asText(),
				"declared tools are offered under names OpenAI accepts");
	}

	@Test
	void aStreamedAnswerIsAssembledFromItsEvents() throws Exception {
		server.then(openAiStream("A tiny car ", "once raced ", "the moon home."));

		TurnResult turn = session("openai", true, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story"));

		assertEquals("A tiny car once raced the moon home.", turn.replies().get(0).text());
		assertEquals(3, llm(turn).get(0).get("streamedChunks").asInt());
	}

	@Test
	void aToolCallOfTheModelRunsAndItsResultGoesBackToTheModel() throws Exception {
		server.then(openAiToolCall("hvac__setTemperature", "{\"temp\": 21}")).then(openAiText("It is set to 21 degrees."));
		Session session = session("openai", false, QUICK_RETRIES);

		TurnResult turn = session.handle(new InputEvent.Voice("tell me a story"));

		ToolCall call = turn.toolCalls().get(0);
		assertEquals("hvac.setTemperature", call.tool());
		assertEquals("llm", call.origin());
		assertEquals("done", call.outcome());
		assertEquals(21.0, session.vehicle().target("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"));
		assertEquals("It is set to 21 degrees.", turn.replies().get(0).text());
		JsonNode second = JSON.readTree(server.received().get(1).body()).get("messages");
		JsonNode toolResult = second.get(second.size() - 1);
		assertEquals("tool", toolResult.get("role").asText());
		assertEquals("call_1", toolResult.get("tool_call_id").asText());
	}

	@Test
	void aStreamedToolCallIsAssembledToo() throws Exception {
		server.then(openAiStreamedToolCall("sunroof__open", "{\"posi", "tion\": 40}")).then(openAiStream("Opened."));
		Session session = session("openai", true, QUICK_RETRIES);

		TurnResult turn = session.handle(new InputEvent.Voice("tell me a story"));

		assertEquals(40.0, session.vehicle().target("Vehicle.Cabin.Sunroof.Position"));
		assertEquals("Opened.", turn.replies().get(0).text());
	}

	@Test
	void aCallOfAnUndeclaredToolOrWithBadArgumentsNeverRuns() throws Exception {
		server.then(openAiToolCall("doors__unlockAll", "{}")).then(openAiText("Done."));
		Session session = session("openai", false, QUICK_RETRIES);

		TurnResult turn = session.handle(new InputEvent.Voice("tell me a story"));

		assertEquals("invalid", turn.toolCalls().get(0).outcome());
		assertTrue(turn.toolCalls().get(0).reason().contains("no tool doors__unlockAll"), turn.toolCalls().get(0).reason());
		assertEquals("Done.", turn.replies().get(0).text());

		server.then(openAiToolCall("hvac__setTemperature", "{\"temp\": \"very hot\"}")).then(openAiText("Done."));
		TurnResult badArgument = session.handle(new InputEvent.Voice("tell me a story"));
		assertEquals("invalid", badArgument.toolCalls().get(0).outcome());
		assertNull(session.vehicle().target("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"));
	}

	@Test
	void whileDrivingTheModelCannotRunADeniedToolNorAnActuatorWithoutAYes() throws Exception {
		server.then(openAiToolCall("seat__heat", "{\"seat\": \"DriverSeat\"}")).then(openAiText("Heating."));
		Session session = session("openai", false, QUICK_RETRIES);
		session.given("Vehicle.Speed", 80.0);

		TurnResult denied = session.handle(new InputEvent.Voice("tell me a story"));
		assertEquals("denied", denied.toolCalls().get(0).outcome());

		server.then(openAiToolCall("sunroof__open", "{}"));
		TurnResult asked = session.handle(new InputEvent.Voice("tell me a story"));
		assertTrue(asked.awaiting(), "the actuator waits for the driver's yes");
		assertTrue(asked.replies().get(asked.replies().size() - 1).text().startsWith("Shall I open the sunroof"),
				asked.replies().toString());
		assertNull(session.vehicle().target("Vehicle.Cabin.Sunroof.Position"));
		TurnResult yes = session.handle(new InputEvent.Voice("yes"));
		assertEquals("done", yes.toolCalls().get(0).outcome());
		assertEquals(100.0, session.vehicle().target("Vehicle.Cabin.Sunroof.Position"));
	}

	@Test
	void aReplyThatBreaksTheDrivingPolicyIsShortened() throws Exception {
		String long_ = "Once upon a time there was a small silver car that loved the sea. Every morning it drove to the "
				+ "harbour, watched the boats and the gulls, and told the waves stories about the mountains.";
		server.then(openAiText(long_)).then(openAiText(long_));
		Session session = session("openai", false, QUICK_RETRIES);

		String parked = session.handle(new InputEvent.Voice("tell me a story")).replies().get(0).text();
		session.given("Vehicle.Speed", 60.0);
		TurnResult moving = session.handle(new InputEvent.Voice("tell me a story"));

		assertTrue(parked.split("\\s+").length <= 40, "the step's own limit: " + parked);
		String shortened = moving.replies().get(0).text();
		assertTrue(shortened.split("\\s+").length <= 12, shortened);
		assertTrue(moving.trace().transitions().stream().anyMatch(t -> t.startsWith("policy Driving: reply shortened")),
				moving.trace().transitions().toString());
	}

	@Test
	void aRateLimitIsRetriedWithBackoff() throws Exception {
		server.then(LoopbackLlm.Answer.status(429)).then(openAiText("Here is a story."));

		TurnResult turn = session("openai", false, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story"));

		assertEquals("Here is a story.", turn.replies().get(0).text());
		JsonNode attempts = llm(turn).get(0).get("attempts");
		assertEquals("RATE_LIMITED", attempts.get(0).get("outcome").asText());
		assertEquals("ok", attempts.get(1).get("outcome").asText());
	}

	@Test
	void serverErrorsEndInTheAuthoredFallbackAndTheSessionGoesOn() throws Exception {
		server.then(LoopbackLlm.Answer.status(500)).then(LoopbackLlm.Answer.status(502)).then(LoopbackLlm.Answer.status(503));
		Session session = session("openai", false, QUICK_RETRIES);

		TurnResult failed = session.handle(new InputEvent.Voice("tell me a story"));

		assertEquals("Once upon a time, a little car found the sunniest road in town. The end.",
				failed.replies().get(0).text());
		assertEquals(3, server.received().size(), "one try and two retries");
		assertTrue(failed.trace().transitions().contains("generate: the LLM failed (SERVER); the authored fallback is said"),
				failed.trace().transitions().toString());
		TurnResult next = session.handle(new InputEvent.Voice("set the temperature to 19 degrees"));
		assertEquals("Setting the temperature to 19 degrees.", next.replies().get(0).text());
	}

	@Test
	void aSlowModelTimesOut() throws Exception {
		FaultPolicy impatient = new FaultPolicy(300, 1, 10, 3, 60_000);
		server.then(openAiText("too late").delayed(2_000)).then(openAiText("too late").delayed(2_000));

		TurnResult turn = session("openai", false, impatient).handle(new InputEvent.Voice("tell me a story"));

		assertTrue(turn.replies().get(0).text().startsWith("Once upon a time"), turn.replies().toString());
		JsonNode attempts = llm(turn).get(0).get("attempts");
		assertEquals(2, attempts.size());
		assertEquals("TIMEOUT", attempts.get(0).get("outcome").asText());
	}

	@Test
	void malformedJsonIsNotRetriedAndFallsBack() throws Exception {
		server.then(LoopbackLlm.Answer.json("{\"choices\": [ this is not json"));

		TurnResult turn = session("openai", false, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story"));

		assertTrue(turn.replies().get(0).text().startsWith("Once upon a time"), turn.replies().toString());
		assertEquals(1, server.received().size());
		assertEquals("MALFORMED", llm(turn).get(0).get("attempts").get(0).get("outcome").asText());
	}

	@Test
	void theCircuitOpensAfterRepeatedFailuresAndStopsCallingTheModel() throws Exception {
		FaultPolicy noRetries = new FaultPolicy(1_000, 0, 10, 2, 60_000);
		Session session = session("openai", false, noRetries);

		session.handle(new InputEvent.Voice("tell me a story"));
		session.handle(new InputEvent.Voice("tell me a story"));
		TurnResult third = session.handle(new InputEvent.Voice("tell me a story"));

		assertEquals(2, server.received().size(), "the third call was not sent");
		assertEquals("CIRCUIT_OPEN", llm(third).get(0).get("attempts").get(0).get("outcome").asText());
		assertTrue(third.replies().get(0).text().startsWith("Once upon a time"));
	}

	@Test
	void ollamaAnswersPlainAndStreamedAndCallsTools() throws Exception {
		server.then(ollamaText("A plain Ollama story."));
		assertEquals("A plain Ollama story.",
				session("ollama", false, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story")).replies().get(0).text());

		server.then(ollamaStream("A streamed ", "Ollama story."));
		assertEquals("A streamed Ollama story.",
				session("ollama", true, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story")).replies().get(0).text());

		server.then(ollamaToolCall("sunroof__open", "{\"position\": 30}")).then(ollamaText("Opened a bit."));
		Session session = session("ollama", false, QUICK_RETRIES);
		TurnResult turn = session.handle(new InputEvent.Voice("tell me a story"));
		assertEquals(30.0, session.vehicle().target("Vehicle.Cabin.Sunroof.Position"));
		assertEquals("Opened a bit.", turn.replies().get(0).text());
		assertEquals("/api/chat", server.received().get(0).path());
	}

	@Test
	void anthropicAndGeminiAnswerThroughTheirOwnProtocols() throws Exception {
		server.then(LoopbackLlm.Answer.json("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
				+ "\"model\":\"test-model\",\"content\":[{\"type\":\"text\",\"text\":\"An Anthropic story.\"}],"
				+ "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}"));
		assertEquals("An Anthropic story.",
				session("anthropic", false, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story")).replies().get(0).text());
		assertEquals("/v1/messages", server.received().get(0).path());

		server.then(LoopbackLlm.Answer.json("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"A Gemini story.\"}],"
				+ "\"role\":\"model\"},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":10,"
				+ "\"candidatesTokenCount\":5,\"totalTokenCount\":15}}"));
		assertEquals("A Gemini story.",
				session("gemini", false, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story")).replies().get(0).text());
		assertTrue(server.received().get(1).path().endsWith("/models/test-model:generateContent"),
				server.received().get(1).path());
	}

	@Test
	void theKeyIsSentToTheProviderButNeverTraced() throws Exception {
		server.then(openAiText("My key is " + KEY + ", do not tell."));

		TurnResult turn = session("openai", false, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story"));

		assertEquals("Bearer " + KEY, server.received().get(0).authorization());
		assertFalse(turn.trace().toJson().contains(KEY), "the trace never holds the key");
		assertTrue(turn.trace().toJson().contains("My key is ***"), turn.trace().toJson());
	}

	@Test
	void anEndpointThatEchoesTheKeyGetsItMaskedInTheReplyAsInTheTrace() throws Exception {
		server.then(received -> openAiText("You sent me " + received.authorization().substring("Bearer ".length())));

		TurnResult turn = session("openai", false, QUICK_RETRIES).handle(new InputEvent.Voice("tell me a story"));

		assertEquals("You sent me ***", turn.replies().get(0).text());
		assertFalse(turn.trace().toJson().contains(KEY), turn.trace().toJson());
	}

	@Test
	void aCassetteReplaysWhatWasRecordedWithoutTheModel() throws Exception {
		Path tape = dir.resolve("story.cassette.json");
		server.then(openAiText("A recorded story."));
		Cassette recording = Cassette.record(tape, model("openai", false));
		Engine.builder(comfort, OnnxModels.encoders()).languageModel(recording).faultPolicy(QUICK_RETRIES).build().openSession("Comfort")
				.handle(new InputEvent.Voice("tell me a story"));
		recording.save();
		server.close();

		Cassette replay = Cassette.replay(tape);
		TurnResult replayed = Engine.builder(comfort, OnnxModels.encoders()).languageModel(replay).faultPolicy(QUICK_RETRIES).build()
				.openSession("Comfort").handle(new InputEvent.Voice("tell me a story"));

		assertEquals("A recorded story.", replayed.replies().get(0).text());
		assertTrue(Files.readString(tape).contains("A recorded story."));
		TurnResult unknown = Engine.builder(comfort, OnnxModels.encoders()).languageModel(replay).faultPolicy(QUICK_RETRIES).build()
				.openSession("Comfort").handle(new InputEvent.Voice("说点有趣的"));
		assertTrue(unknown.replies().get(0).text().startsWith("从前"), "an unrecorded request falls back");
	}

	@Test
	void anAmbiguousUtteranceIsResolvedByTheModelAmongTheDeclaredIntents() throws Exception {
		Path agent = dir.resolve("strict.cabin");
		Files.writeString(agent, """
				agent Strict {
					locales en-US
					defaults { confidence 0.99 }
					intent Story { en-US: "tell me a story", "tell us a story" }
					intent Joke { en-US: "tell me a joke", "tell us a joke" }
					on voice Story -> flow StoryFlow
					on voice Joke -> flow JokeFlow
					flow StoryFlow { say "Once upon a time." }
					flow JokeFlow { say "Why did the car cross the road?" }
				}
				""");
		LoadResult loaded = CabinSources.standalone().load(List.of(agent));
		CabinIr strict = new CabinCompiler(OnnxModels.encoders()).compile(loaded.files());
		server.then(openAiToolCall("choose_intent", "{\"intent\": \"Joke\"}"))
				.then(openAiToolCall("choose_intent", "{\"intent\": \"Weather\"}"));
		Session session = Engine.builder(strict, OnnxModels.encoders()).languageModel(model("openai", false)).faultPolicy(QUICK_RETRIES).build()
				.openSession("Strict");

		TurnResult resolved = session.handle(new InputEvent.Voice("tell me a joke please"));

		assertEquals("llm", resolved.recognition().method());
		assertEquals("Why did the car cross the road?", resolved.replies().get(0).text());
		JsonNode offered = JSON.readTree(server.received().get(0).body()).get("tools").get(0).get("function");
		assertEquals("choose_intent", offered.get("name").asText());
		TurnResult undeclared = session.handle(new InputEvent.Voice("tell me a joke please"));
		assertTrue(undeclared.trace().transitions().contains("ambiguity: the LLM chose Weather, which is no candidate; ignored"),
				undeclared.trace().transitions().toString());
		// without the model's word the utterance stays narrowly below the threshold: the grey zone asks, nothing acts
		assertEquals("prompt", undeclared.replies().get(0).type(), undeclared.replies().toString());
		assertTrue(undeclared.replies().stream().noneMatch(reply -> reply.text().contains("cross the road")),
				undeclared.replies().toString());
	}

	@Test
	void badConfigurationsAreRefusedWithTheReason() throws Exception {
		Map<String, String> noKey = Map.of("CABIN_LLM_PROVIDER", "openai");
		LlmSettings settings = LlmSettings.load(null, noKey);
		LlmConfigurationException missingKey = assertThrows(LlmConfigurationException.class,
				() -> Providers.create(settings, noKey));
		assertTrue(missingKey.getMessage().contains("OPENAI_API_KEY"), missingKey.getMessage());

		LlmConfigurationException unknown = assertThrows(LlmConfigurationException.class,
				() -> LlmSettings.load(null, Map.of("CABIN_LLM_PROVIDER", "telepathy")));
		assertTrue(unknown.getMessage().contains("telepathy"), unknown.getMessage());

		Path file = dir.resolve("llm.properties");
		Files.writeString(file, "provider=openai\napi-key=sk-should-not-be-here\n");
		LlmConfigurationException keyInFile = assertThrows(LlmConfigurationException.class,
				() -> LlmSettings.load(file, Map.of()));
		assertFalse(keyInFile.getMessage().contains("sk-should"), keyInFile.getMessage());
		assertNull(LlmSettings.load(null, Map.of()), "no provider: offline");
	}

	private Session session(String provider, boolean stream, FaultPolicy policy) throws Exception {
		return Engine.builder(comfort, OnnxModels.encoders()).languageModel(model(provider, stream)).faultPolicy(policy).build()
				.openSession("Comfort");
	}

	private LanguageModel model(String provider, boolean stream) throws Exception {
		Map<String, String> environment = new HashMap<>();
		environment.put("CABIN_LLM_PROVIDER", provider);
		environment.put("CABIN_LLM_MODEL", "test-model");
		environment.put("CABIN_LLM_BASE_URL", server.url() + (provider.equals("openai") || provider.equals("anthropic") ? "/v1"
				: provider.equals("gemini") ? "/v1beta" : ""));
		environment.put("CABIN_LLM_STREAM", Boolean.toString(stream));
		environment.put("OPENAI_API_KEY", KEY);
		environment.put("ANTHROPIC_API_KEY", KEY);
		environment.put("GEMINI_API_KEY", KEY);
		return Providers.create(LlmSettings.load(null, environment), environment);
	}

	private static JsonNode llm(TurnResult turn) throws Exception {
		return JSON.readTree(turn.trace().toJson()).get("llm");
	}
}
