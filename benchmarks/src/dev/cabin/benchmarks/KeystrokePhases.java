package dev.cabin.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.cabin.dsl.CabinStandaloneSetup;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.validation.RecognitionValidator;

/**
 * Where the language server's time goes after a keystroke on the 5,000-line generated agent: the phases of
 * one change, each timed on its own, in wall-clock and in the CPU time of the thread (the figure that a busy,
 * shared machine disturbs least). The phases are those of the server's build: parse the document's new text
 * into its resource, link it (resolve every cross-reference), validate it (every check; the costliest check,
 * the close examples across intents, timed once more by itself). Each keystroke toggles a character of an
 * example in the middle of the file, as {@code EditorKeystrokeBenchmark} does.
 * <p>
 * Usage: {@code benchmarks/keystroke-phases [KEYSTROKES] [INTENTS]} (defaults 50 and 200).
 */
public final class KeystrokePhases {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/** One phase's samples: wall-clock and CPU milliseconds of each keystroke. */
	private record Phase(String name, List<Double> wall, List<Double> cpu) {

		Phase(String name) {
			this(name, new ArrayList<>(), new ArrayList<>());
		}

		<T> T time(Supplier<T> work) {
			long cpuStart = THREADS.getCurrentThreadCpuTime();
			long wallStart = System.nanoTime();
			T result = work.get();
			wall.add((System.nanoTime() - wallStart) / 1e6);
			cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
			return result;
		}

		String summary() {
			return String.format(Locale.ROOT, "%-32s wall p50 %7.1f p99 %7.1f ms   cpu p50 %7.1f p99 %7.1f ms", name,
					quantile(wall, 0.5), quantile(wall, 0.99), quantile(cpu, 0.5), quantile(cpu, 0.99));
		}
	}

	private KeystrokePhases() {
	}

	public static void main(String[] args) throws IOException {
		int keystrokes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
		int intents = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		String text = GeneratedAgent.text(intents, 20, 40);
		Injector injector = new CabinStandaloneSetup().createInjectorAndDoEMFRegistration();
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createFileURI("/generated.cabin"));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		int editOffset = text.indexOf("variant 7\"", text.length() / 2) + "variant ".length();
		RecognitionValidator recognition = new RecognitionValidator();

		Phase parse = new Phase("parse (whole text)");
		Phase link = new Phase("link (resolve all references)");
		Phase validate = new Phase("validate (all checks)");
		Phase closeExamples = new Phase("  of which: close examples");
		Phase total = new Phase("keystroke: parse + link + validate");
		List<Phase> phases = List.of(parse, link, validate, closeExamples, total);
		int warmup = Math.max(10, keystrokes / 5);
		for (int i = 0; i < warmup + keystrokes; i++) {
			if (i == warmup) {
				phases.forEach(phase -> {
					phase.wall().clear();
					phase.cpu().clear();
				});
			}
			String changed = text.substring(0, editOffset) + (i % 2 == 0 ? "8" : "7") + text.substring(editOffset + 1);
			List<Issue> issues = total.time(() -> {
				parse.time(() -> {
					try {
						resource.reparse(changed);
					} catch (IOException e) {
						throw new UncheckedIOException(e);
					}
					return null;
				});
				link.time(() -> {
					EcoreUtil.resolveAll(resource);
					return null;
				});
				return validate.time(() -> validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
			});
			if (!issues.isEmpty()) {
				throw new IllegalStateException("the edit broke the agent: " + issues.get(0));
			}
			Agent agent = ((CabinFile) resource.getContents().get(0)).getAgents().get(0);
			closeExamples.time(() -> {
				recognition.checkCloseIntents(agent);
				return null;
			});
		}
		System.out.printf(Locale.ROOT, "%d lines, %d keystrokes after %d to warm up; load average %.2f%n",
				text.lines().count(), keystrokes, warmup, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		phases.forEach(phase -> System.out.println(phase.summary()));
	}

	private static double quantile(List<Double> samples, double q) {
		List<Double> sorted = samples.stream().sorted().toList();
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
	}
}
