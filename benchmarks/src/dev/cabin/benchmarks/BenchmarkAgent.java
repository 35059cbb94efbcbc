package dev.cabin.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;

/**
 * The agent the engine benchmarks run: 75 intents (25 things in a car x switch on / switch off / ask about)
 * with 100 example utterances each, generated as Cabin source, compiled once with the real encoder and kept
 * as IR under benchmarks/target/generated (delete it to regenerate).
 */
final class BenchmarkAgent {

	static final List<String> THINGS = List.of("window", "sunroof", "seat heating", "fan", "music", "radio",
			"navigation", "wipers", "headlights", "fog lights", "trunk", "door locks", "side mirrors", "ambient light",
			"air conditioning", "defroster", "phone", "messages", "weather report", "fuel gauge", "tire pressure monitor",
			"oil service reminder", "battery saver", "parking camera", "cruise control");
	private static final List<List<String>> VERBS = List.of(
			List.of("turn on the %s", "switch on the %s", "start the %s", "activate the %s", "enable the %s"),
			List.of("turn off the %s", "switch off the %s", "stop the %s", "deactivate the %s", "disable the %s"),
			List.of("what is the status of the %s", "check the %s", "how is the %s doing", "tell me about the %s",
					"is the %s working"));
	private static final List<String> ACTIONS = List.of("On", "Off", "Status");
	private static final List<String> PREFIXES = List.of("", "please ", "can you ", "could you ", "hey cabin ");
	private static final List<String> SUFFIXES = List.of("", " please", " now", " for me");

	/** Paraphrases that are no example: they take the whole NLU path (embedding, the trained classifier). */
	static final List<String> PARAPHRASES = List.of("would you mind turning the fan on", "kill the music",
			"are the wipers alright", "i'd like the seat heating running", "shut the sunroof off", "give me an update on the fuel gauge",
			"get the navigation going", "what's up with the tire pressure monitor", "book a table for two");

	private static final Path DIRECTORY = Path.of(System.getProperty("cabin.repository", "."), "benchmarks/target/generated");
	static final Path IR = DIRECTORY.resolve("agent-75x100.ir.json");

	private BenchmarkAgent() {
	}

	static int utterancesPerIntent() {
		return VERBS.get(0).size() * PREFIXES.size() * SUFFIXES.size();
	}

	/** The compiled agent's IR file, generated and compiled first if it is missing. */
	static synchronized Path irFile() throws IOException {
		if (!Files.exists(IR)) {
			Files.createDirectories(DIRECTORY);
			Path source = DIRECTORY.resolve("agent-75x100.cabin");
			Files.writeString(source, source());
			LoadResult loaded = CabinSources.standalone().load(List.of(source));
			if (loaded.hasErrors()) {
				throw new IllegalStateException("the generated agent has errors: " + loaded.problems());
			}
			CabinIr ir = new CabinCompiler(OnnxModels.encoders()).compile(loaded.files());
			Path partial = DIRECTORY.resolve("agent-75x100.ir.json.partial");
			try (OutputStream out = Files.newOutputStream(partial)) {
				new IrCodec().write(ir, out);
			}
			Files.move(partial, IR);
		}
		return IR;
	}

	static CabinIr read() throws IOException, IrFormatException {
		try (InputStream in = Files.newInputStream(irFile())) {
			return new IrCodec().read(in);
		}
	}

	static String source() {
		StringBuilder cabin = new StringBuilder("agent Benchmark \"Benchmark\" {\n\tlocales en-US\n");
		List<String> intents = new ArrayList<>();
		for (int thing = 0; thing < THINGS.size(); thing++) {
			for (int action = 0; action < ACTIONS.size(); action++) {
				String intent = name(THINGS.get(thing)) + ACTIONS.get(action);
				intents.add(intent);
				List<String> examples = new ArrayList<>();
				for (String verb : VERBS.get(action)) {
					for (String prefix : PREFIXES) {
						for (String suffix : SUFFIXES) {
							examples.add("\"" + prefix + String.format(verb, THINGS.get(thing)) + suffix + "\"");
						}
					}
				}
				cabin.append("\tintent ").append(intent).append(" {\n\t\ten-US: ").append(String.join(",\n\t\t\t", examples))
						.append("\n\t}\n");
			}
		}
		for (String intent : intents) {
			cabin.append("\ton voice ").append(intent).append(" -> flow ").append(intent).append("Flow\n");
			cabin.append("\tflow ").append(intent).append("Flow { say \"Done: ").append(intent).append(".\" end }\n");
		}
		return cabin.append("}\n").toString();
	}

	private static String name(String thing) {
		StringBuilder name = new StringBuilder();
		for (String word : thing.split(" ")) {
			name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
		}
		return name.toString();
	}
}
