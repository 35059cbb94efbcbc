package dev.cabin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.lab.Corpus;
import dev.cabin.lab.CorpusException;
import dev.cabin.lab.CorpusReader;
import dev.cabin.lab.HtmlReport;
import dev.cabin.lab.JsonReport;
import dev.cabin.lab.LabReport;
import dev.cabin.lab.LabTest;
import dev.cabin.lab.UnrelatedNeighbours;

/**
 * {@code cabin labtest AGENT... (--corpus FILE | --background) [--json OUT.json] [--html OUT.html] [--threads N]
 * [--agent ID]}: runs every utterance of a corpus through the engine as a car runs it (offline) and reports the
 * recognition figures: on the terminal, as JSON for scripts, as an HTML page for people. With
 * {@code --background}, the held-back part of the built-in background of unrelated speech runs too, and the
 * false accepts per 1,000 unrelated requests are reported (without a corpus, the background is the corpus).
 * AGENT is the agent's source ({@code .cabin} files or folders) or an IR written by {@code cabin build}.
 */
final class LabtestCommand implements Command {

	/** Requests turned down by unrelated speech printed with the background lines near them; the reports have all. */
	private static final int NEAR_UNRELATED_SHOWN = 5;

	@Override
	public Set<String> flags() {
		return Set.of("--background");
	}

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		boolean background = arguments.flag("--background");
		String corpusFile = arguments.option("--corpus");
		String format = arguments.option("--format");
		String json = arguments.option("--json");
		String html = arguments.option("--html");
		Integer threadOption = arguments.positiveNumber("--threads");
		String agentId = arguments.option("--agent");
		arguments.rejectUnknown();
		if (corpusFile == null && !background) {
			throw new UsageException("name the corpus with --corpus FILE.jsonl, or measure false accepts with --background");
		}
		int threads = threadOption != null ? threadOption : Runtime.getRuntime().availableProcessors();
		Corpus corpus = null;
		if (corpusFile != null) {
			corpus = corpus(corpusFile, format, terminal);
			if (corpus == null) {
				return Main.FAILED;
			}
		}
		CabinIr ir = agents(arguments.positional(), terminal);
		if (ir == null) {
			return Main.FAILED;
		}
		AgentIr agent = agentId == null ? ir.agents().get(0) : ir.agent(agentId);
		if (agent == null) {
			throw new UsageException("no agent " + agentId + " (there are " + ir.agents().stream().map(AgentIr::id)
					.collect(Collectors.joining(", ")) + ")");
		}
		Engine engine = Toolchain.engine(ir, null, null, terminal, "labtest");
		if (engine == null) {
			return Main.FAILED;
		}
		LabReport report;
		try {
			report = LabTest.measure(engine, agent, corpus, background, Toolchain.service().encoders(), threads,
					ProgressLine.on(terminal));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Main.FAILED;
		}
		report.warnings().forEach(terminal.err()::println);
		if (report.n() == 0) {
			terminal.err().println("cabin labtest: " + report.nothingForTheAgent());
			return Main.FAILED;
		}
		print(report, terminal);
		if (report.falseAccepts() != null) {
			FalseAcceptsLines.print(agent.id(), report.falseAccepts(), terminal.out());
		}
		return write(report, json, html, terminal) ? Main.OK : Main.FAILED;
	}

	/** The corpus of the file, or {@code null} after saying why it cannot be read. */
	private static Corpus corpus(String corpusFile, String format, Terminal terminal) throws UsageException {
		Path corpusPath = Path.of(corpusFile);
		if (!Files.isRegularFile(corpusPath)) {
			throw new UsageException("no such corpus file: " + corpusFile);
		}
		CorpusReader.Format corpusFormat = format != null ? CorpusReader.Format.named(format) : CorpusReader.Format.ofFile(corpusFile);
		if (corpusFormat == null) {
			throw new UsageException("say the corpus format with --format jsonl, rasa or csv");
		}
		try {
			return CorpusReader.read(corpusPath, corpusFormat);
		} catch (CorpusException e) {
			terminal.err().println(e.getMessage());
			return null;
		}
	}

	/** The agents of the sources, or of an IR file. */
	private static CabinIr agents(List<String> positional, Terminal terminal) throws UsageException {
		if (positional.size() == 1 && positional.get(0).endsWith(".json")) {
			try (InputStream in = Files.newInputStream(Path.of(positional.get(0)))) {
				return new IrCodec().read(in);
			} catch (IOException e) {
				throw new UsageException("cannot read " + positional.get(0) + ": " + e.getMessage());
			} catch (IrFormatException e) {
				terminal.err().println(positional.get(0) + ": " + e.getMessage());
				return null;
			}
		}
		return Toolchain.compile(SourceFiles.expand(positional), terminal);
	}

	private static void print(LabReport report, Terminal terminal) {
		PrintStream out = terminal.out();
		out.printf("%s on %s: %d utterances (%d in scope, %d out of scope)%n", report.agent(), report.corpus(),
				report.n(), report.inScope(), report.outOfScope());
		line(out, "in-scope accuracy", percent(report.inScopeAccuracy()), report.inScopeCorrect(), report.inScope());
		if (report.inScopeAsked() > 0) {
			out.printf("  %-24s %d of the %d recognized (\"Did you mean ...?\" before acting)%n", "asked first",
					report.inScopeAsked(), report.inScopeCorrect());
		}
		if (report.inScope() > 0) {
			out.printf("  %-24s %d of the %d in scope (another intent, not asked first)%n", "wrong intent acted on",
					report.inScopeWrongActedOn(), report.inScope());
		}
		if (!report.inScopeRejectedBy().isEmpty()) {
			out.printf("  %-24s %s%n", "fell back, as", report.inScopeRejectedBy().entrySet().stream()
					.map(entry -> entry.getValue() + " " + entry.getKey().words()).collect(Collectors.joining("; ")));
		}
		report.errors().stream().filter(error -> !report.nearestUnrelated(error).isEmpty()).limit(NEAR_UNRELATED_SHOWN)
				.forEach(error -> out.printf(Locale.ROOT, "  %-24s \"%s\" (%s) is near %s%n", "near unrelated speech",
						error.line().text(), error.expected(), report.nearestUnrelated(error).stream()
								.map(UnrelatedNeighbours.Neighbour::described).collect(Collectors.joining(", "))));
		line(out, "out-of-scope recall", percent(report.outOfScopeRecall()), report.outOfScopeCorrect(),
				report.outOfScope());
		line(out, "out-of-scope precision", percent(report.outOfScopePrecision()), report.outOfScopeCorrect(),
				report.predictedOutOfScope());
		out.printf(Locale.ROOT, "  %-24s %s%n", "macro F1", report.macroF1() == null ? "-" : String.format(Locale.ROOT,
				"%.3f", report.macroF1()));
		LabReport.Latency latency = report.latency();
		out.printf(Locale.ROOT, "  %-24s p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d thread%s)%n",
				"latency", latency.p50(), latency.p90(), latency.p99(), latency.max(), report.threads(),
				report.threads() == 1 ? "" : "s");
		LabReport.Latency cpu = report.cpu();
		out.printf(Locale.ROOT, "  %-24s p50 %.1f ms, p99 %.1f ms, mean %.1f ms of processor time%n", "processor",
				cpu.p50(), cpu.p99(), cpu.mean());
		out.printf(Locale.ROOT, "  %-24s %.0f utterances/s (%.0f/s if each thread had a core)%n", "throughput",
				report.throughput(), report.capacity());
		String worst = report.perIntent().stream().filter(score -> score.f1() < 1)
				.sorted(Comparator.comparingDouble(LabReport.Score::f1)).limit(5)
				.map(score -> String.format(Locale.ROOT, "%s %.2f", score.name(), score.f1()))
				.collect(Collectors.joining(", "));
		if (!worst.isEmpty()) {
			out.printf("  %-24s %s%n", "lowest F1", worst);
		}
		if (report.hasSlots()) {
			LabReport.Score slots = report.slots();
			out.printf(Locale.ROOT, "  %-24s precision %.3f, recall %.3f, F1 %.3f (%d values in the corpus)%n", "slots",
					slots.precision(), slots.recall(), slots.f1(), slots.expected());
		}
	}

	private static void line(PrintStream out, String what, String share, int part, int whole) {
		out.printf("  %-24s %s (%d/%d)%n", what, share, part, whole);
	}

	private static String percent(Double share) {
		return share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

	private static boolean write(LabReport report, String json, String html, Terminal terminal) {
		try {
			if (json != null) {
				try (OutputStream out = Files.newOutputStream(Path.of(json))) {
					JsonReport.write(report, out);
				}
				terminal.err().println("wrote " + json);
			}
			if (html != null) {
				try (Writer out = Files.newBufferedWriter(Path.of(html), StandardCharsets.UTF_8)) {
					HtmlReport.write(report, out);
				}
				terminal.err().println("wrote " + html);
			}
			return true;
		} catch (IOException e) {
			terminal.err().println("cabin labtest: cannot write the report: " + e.getMessage());
			return false;
		}
	}
}
