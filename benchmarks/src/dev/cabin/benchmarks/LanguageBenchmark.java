package dev.cabin.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.google.inject.Injector;

import dev.cabin.dsl.CabinStandaloneSetup;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.Problem;

/**
 * Checking a large agent (1,000 intents x 20 examples, 200 flows: about 25,000 lines):
 * <ul>
 * <li>{@code fullCheck}: what {@code cabin check} does with the file's text: parse, link, validate;
 * <li>{@code editorEdit}: what an editor does after a one-line edit: the document's change is parsed in place
 * (Xtext's partial parsing) and the resource validated again;
 * <li>{@code languageServerEdit}: what the language server does after a change: the new text is parsed whole
 * into the same resource and validated again.
 * </ul>
 * Each edit toggles one example utterance in the middle of the file, so the agent stays valid.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xss4m", "-Xmx2g" })
public class LanguageBenchmark {

	@Param({ "1000" })
	public int intents;

	private String text;
	private Injector injector;
	private XtextResource resource;
	private IResourceValidator validator;
	private int editOffset;
	private boolean edited;

	@Setup(Level.Trial)
	public void generateAndLoad() throws IOException {
		text = GeneratedAgent.text(intents, 20, 200);
		injector = new CabinStandaloneSetup().createInjectorAndDoEMFRegistration();
		validator = injector.getInstance(IResourceValidator.class);
		List<Problem> problems = CabinSources.standalone().check(Path.of("generated.cabin"), text);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("the generated agent has problems: " + problems.subList(0, Math.min(5, problems.size())));
		}
		resource = load(text);
		validate();
		editOffset = text.indexOf("variant 7\"", text.length() / 2) + "variant ".length();
	}

	private XtextResource load(String content) throws IOException {
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		XtextResource loaded = (XtextResource) resourceSet.createResource(URI.createFileURI("/generated.cabin"));
		loaded.load(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
				Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		EcoreUtil.resolveAll(resourceSet);
		return loaded;
	}

	private List<Issue> validate() {
		List<Issue> issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
		if (!issues.isEmpty()) {
			throw new IllegalStateException("the edit broke the agent: " + issues.get(0));
		}
		return issues;
	}

	/* The example "... variant 7" becomes "... variant 8" and back. */
	private String nextDigit() {
		edited = !edited;
		return edited ? "8" : "7";
	}

	@Benchmark
	public List<Problem> fullCheck() {
		return CabinSources.standalone().check(Path.of("generated.cabin"), text);
	}

	@Benchmark
	public List<Issue> editorEdit() {
		resource.update(editOffset, 1, nextDigit());
		return validate();
	}

	@Benchmark
	public List<Issue> languageServerEdit() throws IOException {
		String digit = nextDigit();
		String changed = text.substring(0, editOffset) + digit + text.substring(editOffset + 1);
		resource.reparse(changed);
		return validate();
	}
}
