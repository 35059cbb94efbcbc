package dev.cabin.dsl.load;

import dev.cabin.language.StrictUtf8;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.cabin.dsl.CabinStandaloneSetup;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.project.ProjectCatalogue;
import dev.cabin.dsl.project.ProjectCatalogues;
import dev.cabin.dsl.validation.CabinIssueCodes;
import dev.cabin.vss.VssProblem;

/**
 * Loads .cabin files outside an IDE (command line, tests, builds): reads them, parses them into one resource
 * set (files they import are loaded too), validates them against the VSS catalogue of their project
 * ({@code cabin.yaml}, see {@link dev.cabin.dsl.project.CabinProject}), and reports every problem with its
 * location, including those of the project file and the VSS files it names. Bad input never escapes as an
 * exception: it becomes a {@link Problem}. What is read, and what not, the {@link SourcePolicy} decides.
 */
public final class CabinSources {

	/** The issue code for a file that is not valid UTF-8. */
	public static final String NOT_UTF8 = CabinIssueCodes.NOT_UTF8;

	private final Injector injector;
	private final SourcePolicy policy = SourcePolicy.standard();

	public CabinSources(Injector injector) {
		this.injector = injector;
	}

	/** Sources backed by the language's standalone setup (no OSGi or workspace needed). */
	public static CabinSources standalone() {
		return new CabinSources(StandaloneInjector.INSTANCE);
	}

	private static final class StandaloneInjector {
		static final Injector INSTANCE = new CabinStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	/** Loads the given files and validates them together, so that references across them resolve. */
	public LoadResult load(List<Path> paths) {
		XtextResourceSet resourceSet = injector.getInstance(CabinResourceSet.class);
		List<Problem> problems = new ArrayList<>();
		Map<Path, XtextResource> resources = new LinkedHashMap<>();
		for (Path path : paths) {
			SourcePolicy.Refusal refusal = policy.checkSource(path);
			if (refusal != null) {
				problems.add(fileProblem(path, "cannot read this file: " + refusal.reason(), refusal.code()));
				continue;
			}
			try {
				byte[] bytes = policy.read(path);
				checkUtf8(path, bytes, problems);
				resources.put(path, parse(resourceSet, path, new ByteArrayInputStream(bytes)));
			} catch (IOException e) {
				problems.add(fileProblem(path, "cannot read this file: " + e.getMessage(), null));
			}
		}
		EcoreUtil.resolveAll(resourceSet);
		problems.addAll(projectProblems(resources.keySet()));
		List<CabinFile> files = new ArrayList<>();
		resources.forEach((path, resource) -> {
			// the project's own problems are listed where they are, not once more in every source file
			validate(path, resource).stream().filter(p -> !CabinIssueCodes.PROJECT_PROBLEM.equals(p.code()))
					.forEach(problems::add);
			if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof CabinFile file) {
				files.add(file);
			}
		});
		problems.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::offset));
		return new LoadResult(files, problems);
	}

	/** The problems of the project files (and VSS files) that the sources belong to, each project once. */
	private List<Problem> projectProblems(Collection<Path> paths) {
		ProjectCatalogues catalogues = injector.getInstance(ProjectCatalogues.class);
		Map<Path, ProjectCatalogue> projects = new LinkedHashMap<>();
		for (Path path : paths) {
			ProjectCatalogue project = catalogues.forFile(path);
			if (project.projectFile() != null) {
				projects.putIfAbsent(project.projectFile(), project);
			}
		}
		List<Problem> problems = new ArrayList<>();
		for (ProjectCatalogue project : projects.values()) {
			for (VssProblem problem : project.problems()) {
				problems.add(new Problem(problem.file(), problem.line(), problem.column(), 0, 0, Problem.Severity.ERROR,
						problem.message(), CabinIssueCodes.PROJECT_PROBLEM));
			}
		}
		return problems;
	}

	/** Parses and validates one document from memory, as an editor holds it. */
	public List<Problem> check(Path path, String text) {
		return load(path, text).problems();
	}

	/** Parses and validates one document from memory, and keeps its model (for views of the document). */
	public LoadResult load(Path path, String text) {
		SourcePolicy.Refusal refusal = SourcePolicy.checkName(path);
		if (refusal != null) {
			return new LoadResult(List.of(),
					List.of(fileProblem(path, "cannot check this document: " + refusal.reason(), refusal.code())));
		}
		XtextResourceSet resourceSet = injector.getInstance(CabinResourceSet.class);
		try {
			XtextResource resource = parse(resourceSet, path,
					new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
			EcoreUtil.resolveAll(resourceSet);
			List<CabinFile> files = resource.getContents().isEmpty()
					|| !(resource.getContents().get(0) instanceof CabinFile file) ? List.of() : List.of(file);
			return new LoadResult(files, validate(path, resource));
		} catch (IOException e) {
			return new LoadResult(List.of(),
					List.of(fileProblem(path, "cannot parse the document: " + e.getMessage(), null)));
		}
	}

	private static XtextResource parse(XtextResourceSet resourceSet, Path path, ByteArrayInputStream content)
			throws IOException {
		URI uri = URI.createFileURI(path.toAbsolutePath().normalize().toString());
		XtextResource resource = (XtextResource) resourceSet.createResource(uri);
		resource.load(content, Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		return resource;
	}

	private List<Problem> validate(Path path, Resource resource) {
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
				.map(issue -> toProblem(path, issue)).toList();
	}

	private static Problem fileProblem(Path path, String message, String code) {
		return new Problem(path, 1, 1, 0, 0, Problem.Severity.ERROR, message, code);
	}

	private static Problem toProblem(Path path, Issue issue) {
		Problem.Severity severity = switch (issue.getSeverity()) {
		case ERROR -> Problem.Severity.ERROR;
		case WARNING -> Problem.Severity.WARNING;
		default -> Problem.Severity.INFO;
		};
		return new Problem(path, valueOr(issue.getLineNumber(), 1), valueOr(issue.getColumn(), 1),
				valueOr(issue.getOffset(), 0), valueOr(issue.getLength(), 0), severity, issue.getMessage(),
				issue.getCode());
	}

	private static int valueOr(Integer value, int fallback) {
		return value == null ? fallback : value;
	}

	/** Reports the first byte sequence that is not UTF-8, at its line and column. */
	private static void checkUtf8(Path path, byte[] bytes, List<Problem> problems) {
		StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
		if (decoded.valid()) {
			return;
		}
		problems.add(new Problem(path, decoded.line(), decoded.column(), decoded.charOffset(), 1,
				Problem.Severity.ERROR, String.format("the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8",
						bytes[decoded.badByte()] & 0xFF),
				NOT_UTF8));
	}
}
