package dev.cabin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.xtext.GrammarUtil;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.compiler.OutOfScopeExamples;
import dev.cabin.dsl.ide.CabinInjector;
import dev.cabin.dsl.services.CabinGrammarAccess;
import dev.cabin.lab.AgentWriter;
import dev.cabin.lab.Corpus;
import dev.cabin.lab.CorpusException;
import dev.cabin.lab.CorpusReader;
import dev.cabin.lab.IntentNames;

/**
 * {@code cabin import FORMAT FILE... -o AGENT.cabin [--max-per-intent N] [--name AGENT]}: turns NLU corpora
 * (JSON lines, Rasa {@code nlu.yml}, CSV) into an agent, with the corpus' out-of-scope utterances beside it as
 * the agent's out-of-scope examples, then checks what it wrote.
 */
final class ImportCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		String output = arguments.option("-o", "--output");
		Integer maxPerIntent = arguments.positiveNumber("--max-per-intent");
		String name = arguments.option("--name");
		arguments.rejectUnknown();
		List<String> positional = arguments.positional();
		if (positional.size() < 2) {
			throw new UsageException("give the corpus format (jsonl, rasa or csv) and at least one corpus file");
		}
		CorpusReader.Format format = CorpusReader.Format.named(positional.get(0));
		if (format == null) {
			throw new UsageException("unknown corpus format \"" + positional.get(0) + "\" (jsonl, rasa or csv)");
		}
		if (output == null) {
			throw new UsageException("name the agent file to write with -o AGENT.cabin");
		}
		Path target = Path.of(output);
		Set<String> keywords = keywords();
		String agent = IntentNames.of(name != null ? name : defaultName(target), keywords);
		List<Corpus> corpora = new ArrayList<>();
		for (String file : positional.subList(1, positional.size())) {
			if (!Files.isRegularFile(Path.of(file))) {
				throw new UsageException("no such corpus file: " + file);
			}
			try {
				corpora.add(CorpusReader.read(Path.of(file), format));
			} catch (CorpusException e) {
				terminal.err().println(e.getMessage());
				return Main.FAILED;
			}
		}
		Path outOfScopeFile = OutOfScopeExamples.fileFor(target);
		AgentWriter.Written written = AgentWriter.write(corpora, agent, maxPerIntent, keywords,
				command(positional, output, maxPerIntent, name), outOfScopeFile.getFileName().toString());
		corpora.forEach(corpus -> corpus.warnings().forEach(terminal.err()::println));
		written.warnings().forEach(terminal.err()::println);
		try {
			Files.writeString(target, written.source(), StandardCharsets.UTF_8);
			if (written.outOfScope() != null) {
				Files.writeString(outOfScopeFile, written.outOfScope(), StandardCharsets.UTF_8);
			} else if (Files.isRegularFile(outOfScopeFile)
					&& Files.readString(outOfScopeFile, StandardCharsets.UTF_8).startsWith(AgentWriter.GENERATED)) {
				Files.delete(outOfScopeFile);
			}
		} catch (IOException e) {
			terminal.err().println("cabin import: cannot write " + output + ": " + e.getMessage());
			return Main.FAILED;
		}
		terminal.err().println("wrote " + output + ": agent " + agent + ", " + written.intents() + " intents, "
				+ written.examples() + " examples" + (written.outOfScope() == null ? ""
						: "; " + written.outOfScopeExamples() + " out-of-scope examples in " + outOfScopeFile));
		return Toolchain.check(List.of(target), terminal, false).hasErrors() ? Main.FAILED : Main.OK;
	}

	/** {@code cockpit.cabin} gives {@code Cockpit}. */
	private static String defaultName(Path target) {
		String file = target.getFileName().toString().replaceFirst("\\.cabin$", "");
		String[] words = file.split("[^A-Za-z0-9]+");
		StringBuilder name = new StringBuilder();
		for (String word : words) {
			if (!word.isEmpty()) {
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		return name.length() == 0 ? "Imported" : name.toString();
	}

	/** The command that writes the same file again, for its header. */
	private static String command(List<String> positional, String output, Integer max, String name) {
		List<String> words = new ArrayList<>(List.of("./cabin", "import"));
		words.addAll(positional);
		words.addAll(List.of("-o", output));
		if (max != null) {
			words.addAll(List.of("--max-per-intent", String.valueOf(max)));
		}
		if (name != null) {
			words.addAll(List.of("--name", name));
		}
		return String.join(" ", words.stream().map(w -> w.matches("[\\w./@:=+-]+") ? w : "'" + w + "'").toList());
	}

	private static Set<String> keywords() {
		CabinGrammarAccess grammar = CabinInjector.get().getInstance(CabinGrammarAccess.class);
		return GrammarUtil.getAllKeywords(grammar.getGrammar());
	}
}
