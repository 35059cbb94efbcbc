package dev.cabin.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.ir.IrHeader;
import dev.cabin.engine.llm.FaultPolicy;
import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.engine.llm.ResilientModel;
import dev.cabin.engine.nlu.IntentClassifier;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.NearestExampleClassifier;
import dev.cabin.engine.nlu.NluPipeline;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.softmax.SoftmaxClassifier;
import dev.cabin.engine.vehicle.SimulatedVehicle;
import dev.cabin.engine.vehicle.Vehicle;

/**
 * The assistant engine for a set of compiled agents: built once from the IR, it serves many sessions at once
 * (thread-safe). Offline by default; give it a {@link LanguageModel} for generate steps and ambiguity.
 */
public final class Engine {

	private final Map<String, AgentRuntime> agents = new LinkedHashMap<>();
	private final ResilientModel model;
	private final Map<String, ToolHandler> handlers;

	private Engine(Builder builder, Map<String, AgentRuntime> agents) {
		this.agents.putAll(agents);
		this.model = builder.model == null ? null : new ResilientModel(builder.model, builder.faultPolicy);
		this.handlers = Map.copyOf(builder.handlers);
	}

	/** An offline engine for the agents of an IR. */
	public static Engine load(CabinIr ir, SentenceEncoders encoders) throws IrFormatException {
		return builder(ir, encoders).build();
	}

	/**
	 * An offline engine for an IR file, started as a car starts it: the sentence models of the IR's languages
	 * start loading on another thread from the moment the header is read, while the IR is read.
	 */
	public static Engine load(Path irFile, SentenceEncoders encoders) throws IrFormatException, IOException {
		byte[] json = Files.readAllBytes(irFile);
		List<Language> languages = Builder.languagesOf(IrHeader.read(json).encoders());
		CompletableFuture<Void> loading = CompletableFuture.runAsync(() -> encoders.loadFirst(languages));
		CabinIr ir = new IrCodec().read(json);
		try {
			loading.join();
		} catch (CompletionException e) {
			// the builder reports a model that cannot be loaded
		}
		return load(ir, encoders);
	}

	/** An engine's builder: the encoders embed utterances with the models the IR's examples were embedded with. */
	public static Builder builder(CabinIr ir, SentenceEncoders encoders) {
		return new Builder(ir, encoders);
	}

	/** How an engine is put together: the IR, the encoders, and optionally an LLM, tool handlers, classifiers. */
	public static final class Builder {
		private final CabinIr ir;
		private final SentenceEncoders encoders;
		private LanguageModel model;
		private FaultPolicy faultPolicy = FaultPolicy.DEFAULT;
		private final Map<String, ToolHandler> handlers = new HashMap<>();
		private final Map<String, IntentClassifier.Factory> classifiers = new HashMap<>();

		private Builder(CabinIr ir, SentenceEncoders encoders) {
			this.ir = ir;
			this.encoders = encoders;
			classifier(NearestExampleClassifier.FACTORY);
			classifier(SoftmaxClassifier.FACTORY);
		}

		/** The LLM for generate steps and for resolving ambiguous utterances; {@code null} keeps it offline. */
		public Builder languageModel(LanguageModel model) {
			this.model = model;
			return this;
		}

		public Builder faultPolicy(FaultPolicy policy) {
			this.faultPolicy = policy;
			return this;
		}

		/** The Java code behind a tool bound with {@code -> handler "name"}. */
		public Builder handler(String name, ToolHandler handler) {
			handlers.put(name, handler);
			return this;
		}

		/** An intent classifier for the IR's {@code classifier.kind}. */
		public Builder classifier(IntentClassifier.Factory factory) {
			classifiers.put(factory.kind(), factory);
			return this;
		}

		/**
		 * The engine, refusing an IR whose example embeddings were made by another model than the one this
		 * engine would embed queries with, or that asks for a classifier this engine lacks. It is ready once the
		 * model of the IR's first language is loaded; the others go on loading ({@link SentenceEncoders#loadFirst}).
		 */
		public Engine build() throws IrFormatException {
			if (ir.agents().isEmpty()) {
				throw new IrFormatException("the IR has no agent");
			}
			try {
				encoders.loadFirst(languagesOf(ir.encoders()));
			} catch (IllegalStateException e) {
				throw new IrFormatException(e.getMessage(), e);
			}
			for (Map.Entry<String, EncoderInfo> entry : ir.encoders().entrySet()) {
				String expected = encoder(languageOf(entry.getKey())).modelId();
				if (!expected.equals(entry.getValue().modelId())) {
					throw new IrFormatException("the IR's " + entry.getKey() + " examples were embedded with "
							+ entry.getValue().modelId() + ", but this engine embeds with " + expected);
				}
			}
			Map<String, AgentRuntime> runtimes = new LinkedHashMap<>();
			for (AgentIr agent : ir.agents()) {
				IntentClassifier.Factory factory = classifiers.get(agent.classifier().kind());
				if (factory == null) {
					throw new IrFormatException("agent " + agent.id() + " needs the intent classifier \""
							+ agent.classifier().kind() + "\", which this engine lacks (it has " + classifiers.keySet()
							+ ")");
				}
				runtimes.put(agent.id(), new AgentRuntime(agent, new NluPipeline(agent, factory.create(agent, encoders))));
			}
			return new Engine(this, runtimes);
		}

		private EncoderInfo encoder(Language language) throws IrFormatException {
			try {
				return encoders.describe(language);
			} catch (IllegalStateException e) {
				throw new IrFormatException(e.getMessage(), e);
			}
		}

		/** The languages of an IR's encoders, by their codes. */
		private static List<Language> languagesOf(Map<String, ?> encodersByCode) throws IrFormatException {
			List<Language> languages = new ArrayList<>();
			for (String code : encodersByCode.keySet()) {
				languages.add(languageOf(code));
			}
			return languages;
		}

		private static Language languageOf(String code) throws IrFormatException {
			Language language = Language.ofCode(code);
			if (language == null) {
				throw new IrFormatException("the IR uses an encoder for language \"" + code + "\", which this engine lacks");
			}
			return language;
		}
	}

	/** A new conversation with the first agent, in a simulated car, on a manual clock. */
	public Session openSession() {
		return openSession(firstAgentId(), new SessionOptions());
	}

	/** The id of the first agent of the IR, the one a conversation starts with unless another is named. */
	public String firstAgentId() {
		return agents.keySet().iterator().next();
	}

	/** A new conversation with the given agent, or {@code null} if there is no such agent. */
	public Session openSession(String agentId) {
		return openSession(agentId, new SessionOptions());
	}

	public Session openSession(String agentId, SessionOptions options) {
		AgentRuntime agent = agents.get(agentId);
		return agent == null ? null : new Session(this, agent, options);
	}

	AgentRuntime agent(String id) {
		return agents.get(id);
	}

	ResilientModel model() {
		return model;
	}

	ToolHandler handler(String name) {
		return handlers.get(name);
	}

	/** How a session runs: in which car, on which clock, and whether speech needs the wake word. */
	public static final class SessionOptions {
		Supplier<Vehicle> vehicle = SimulatedVehicle::new;
		Clock clock;
		boolean requireWakeWord;
		String id;

		public SessionOptions vehicle(Vehicle vehicle) {
			this.vehicle = () -> vehicle;
			return this;
		}

		public SessionOptions clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/** Speech is heard only after the wake word (said first, or a wake event) or push-to-talk. */
		public SessionOptions requireWakeWord(boolean require) {
			this.requireWakeWord = require;
			return this;
		}

		public SessionOptions id(String id) {
			this.id = id;
			return this;
		}
	}

	record AgentRuntime(AgentIr ir, NluPipeline nlu) {
	}
}
