package dev.cabin.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.compiler.CabinCompiler;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;

/**
 * A measurement harness, not a tool: compiles an agent to IR against the built-in background of unrelated speech
 * without the lines of some labels, for a leave-one-domain-out measurement (examples/cockpit/measure-lodo.sh).
 * An imported CLINC150 agent without one of its domains would otherwise train on that domain's CLINC150 lines,
 * which the background holds, as negatives: the measurement would not show how an unseen domain is treated.
 * {@code cabin labtest OUT.json --corpus ...} then measures the IR. The IR is not cached, and no tool compiles so.
 *
 * <pre>java -Xss4m -cp "releng/dev.cabin.cli.dist/target/repository/plugins/*" \
 *     benchmarks/src/dev/cabin/benchmarks/CompileWithoutBackgroundLabels.java AGENT.cabin OUT.json LABEL...</pre>
 */
public final class CompileWithoutBackgroundLabels {

	private CompileWithoutBackgroundLabels() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 3) {
			System.err.println("usage: CompileWithoutBackgroundLabels AGENT.cabin OUT.json LABEL... (clinc150:translate ...)");
			System.exit(2);
		}
		Set<String> labels = new LinkedHashSet<>(List.of(args).subList(2, args.length));
		BackgroundCorpus builtIn = BackgroundCorpus.builtIn();
		Set<String> unknown = new TreeSet<>(labels);
		for (Language language : Language.values()) {
			builtIn.lines(language).forEach(line -> unknown.remove(line.label()));
		}
		if (!unknown.isEmpty()) {
			System.err.println("no line of the built-in background has the label " + String.join(", ", unknown));
			System.exit(2);
		}
		BackgroundCorpus background = builtIn.withoutLabels(labels);
		System.err.println("without " + labels.size() + " labels: " + removed(builtIn, background));

		LoadResult loaded = CabinSources.standalone().load(List.of(Path.of(args[0])));
		loaded.problems().forEach(problem -> System.err.println(problem.format()));
		if (loaded.hasErrors()) {
			System.exit(1);
		}
		CabinIr ir = new CabinCompiler(OnnxModels.encoders(), null, tasks(), background).compile(loaded.files());
		try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
			new IrCodec().write(ir, out);
		}
		System.err.println("wrote " + args[1]);
	}

	/** How many lines the background lost, per language and part: "1500 of 9688 en lines (training 903, ...)". */
	private static String removed(BackgroundCorpus builtIn, BackgroundCorpus background) {
		StringBuilder said = new StringBuilder();
		for (Language language : Language.values()) {
			int before = builtIn.lines(language).size();
			int lost = before - background.lines(language).size();
			if (lost == 0) {
				continue;
			}
			Map<BackgroundCorpus.Part, Integer> parts = new EnumMap<>(BackgroundCorpus.Part.class);
			for (BackgroundCorpus.Part part : BackgroundCorpus.Part.values()) {
				parts.put(part, builtIn.lines(language, part).size() - background.lines(language, part).size());
			}
			said.append(said.isEmpty() ? "" : "; ").append(lost).append(" of ").append(before).append(' ')
					.append(language.code()).append(" lines (").append(parts.entrySet().stream()
							.map(part -> part.getKey().name().toLowerCase(Locale.ROOT) + " " + part.getValue())
							.collect(Collectors.joining(", ")))
					.append(')');
		}
		return said.toString();
	}

	/* A compile of thousands of examples takes minutes: say each task once, when it starts. */
	private static Progress tasks() {
		String[] last = { null };
		return (task, done, total) -> {
			synchronized (last) {
				if (!Objects.equals(task, last[0])) {
					last[0] = task;
					System.err.println("  " + task);
				}
			}
		};
	}
}
