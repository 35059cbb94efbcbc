package dev.cabin.ui.project.builder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import dev.cabin.compiler.CompileException;
import dev.cabin.compiler.service.Compilation;
import dev.cabin.compiler.service.CompileService;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.dsl.load.SourcePolicy;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.ui.compile.MonitorProgress;
import dev.cabin.ui.compile.StudioCompileService;
import dev.cabin.ui.editor.CabinMarkers;

/**
 * Checks and compiles the .cabin files of a Cabin project when they are saved, and the files that import them:
 * problems become markers (with the issue code, so that the Problems view offers the quick fixes), and each
 * file without errors is compiled, as {@code cabin build} does, to {@code build/NAME.ir.json} (derived), through
 * Studio's compile service: a file saved without a change that matters to its IR is not compiled again. A
 * change of {@code cabin.yaml} rebuilds every file. Runs in the workspace's build job, with the compiler's
 * progress (embedding, training) on its monitor; cancelling it stops the compile under way, removes that
 * file's stale IR and leaves the next build to build everything again (the unchanged files from the cache).
 */
public class CabinBuilder extends IncrementalProjectBuilder {

	public static final String ID = "dev.cabin.ui.project.builder";

	/** The folder of the compiled agents. */
	public static final String OUTPUT_FOLDER = "build";

	/* The project file (dev.cabin.dsl's CabinProject, whose package the language does not export). */
	private static final String PROJECT_FILE = "cabin.yaml";

	/** The work of one file on the build's monitor. */
	private static final int FILE_TICKS = 100;

	private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+\"([^\"]+)\"", Pattern.MULTILINE);

	@Override
	protected IProject[] build(int kind, Map<String, String> arguments, IProgressMonitor monitor) throws CoreException {
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		List<IFile> sources = sources();
		Set<IFile> affected = new LinkedHashSet<>();
		if (delta == null || projectFileChanged(delta)) {
			// the project file's (and VSS files') problems are marked again by the builds of the sources
			getProject().deleteMarkers(CabinMarkers.PROBLEM, true, IResource.DEPTH_INFINITE);
			affected.addAll(sources);
		} else {
			Set<IFile> changed = new LinkedHashSet<>();
			delta.accept(child -> {
				if (isSource(child.getResource())) {
					if (child.getKind() == IResourceDelta.REMOVED) {
						deleteOutput((IFile) child.getResource());
					}
					changed.add((IFile) child.getResource());
				}
				return !isOutput(child.getResource());
			});
			affected.addAll(withImporters(changed, sources));
			affected.retainAll(sources);
		}
		SubMonitor progress = SubMonitor.convert(monitor, "Building Cabin agents", affected.size() * FILE_TICKS);
		for (IFile file : affected) {
			if (progress.isCanceled()) {
				throw canceled();
			}
			progress.subTask(file.getProjectRelativePath().toString());
			build(file, progress.newChild(FILE_TICKS));
		}
		return null;
	}

	/* What was built before the cancel stays; what was not is built by the next build, which is a full one. */
	private OperationCanceledException canceled() {
		forgetLastBuiltState();
		return new OperationCanceledException();
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(CabinMarkers.PROBLEM, true, IResource.DEPTH_INFINITE);
		IFolder output = getProject().getFolder(OUTPUT_FOLDER);
		if (output.exists()) {
			output.delete(true, monitor);
		}
	}

	private boolean projectFileChanged(IResourceDelta delta) {
		IResourceDelta[] found = { null };
		try {
			delta.accept(child -> {
				if (child.getResource().getType() == IResource.FILE
						&& PROJECT_FILE.equals(child.getResource().getName())) {
					found[0] = child;
				}
				return found[0] == null;
			});
		} catch (CoreException e) {
			return true;
		}
		return found[0] != null;
	}

	private List<IFile> sources() throws CoreException {
		List<IFile> files = new ArrayList<>();
		getProject().accept(resource -> {
			if (isSource(resource)) {
				files.add((IFile) resource);
			}
			return !isOutput(resource);
		});
		return files;
	}

	private boolean isSource(IResource resource) {
		return resource.getType() == IResource.FILE && "cabin".equals(resource.getFileExtension());
	}

	private boolean isOutput(IResource resource) {
		return resource.getType() == IResource.FOLDER && resource.getParent() == getProject()
				&& OUTPUT_FOLDER.equals(resource.getName());
	}

	/* The changed files and, transitively, the files that import one of them. */
	private static Set<IFile> withImporters(Set<IFile> changed, List<IFile> sources) throws CoreException {
		Set<IFile> affected = new LinkedHashSet<>(changed);
		Map<IFile, List<IPath>> imports = new java.util.HashMap<>();
		for (IFile source : sources) {
			imports.put(source, importsOf(source));
		}
		boolean grew = true;
		while (grew) {
			grew = false;
			for (IFile source : sources) {
				if (!affected.contains(source) && imports.get(source).stream()
						.anyMatch(imported -> affected.stream().anyMatch(file -> file.getFullPath().equals(imported)))) {
					affected.add(source);
					grew = true;
				}
			}
		}
		return affected;
	}

	/**
	 * The workspace paths a file imports (read from its text, which need not parse); none when the source policy
	 * refuses to read the file (a pipe, a link to a device, too large: its build says so).
	 */
	private static List<IPath> importsOf(IFile file) throws CoreException {
		List<IPath> paths = new ArrayList<>();
		if (file.getLocation() == null || SourcePolicy.standard().checkSource(file.getLocation().toFile().toPath()) != null) {
			return paths;
		}
		String text;
		try (var in = file.getContents(true)) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			return paths;
		}
		Matcher matcher = IMPORT.matcher(text);
		while (matcher.find()) {
			paths.add(file.getParent().getFullPath().append(matcher.group(1)).makeAbsolute());
		}
		return paths;
	}

	private void build(IFile file, IProgressMonitor monitor) throws CoreException {
		file.deleteMarkers(CabinMarkers.PROBLEM, true, IResource.DEPTH_ZERO);
		if (!file.exists() || file.getLocation() == null) {
			return;
		}
		Path path = file.getLocation().toFile().toPath().toAbsolutePath().normalize();
		CompileService compiler = StudioCompileService.get();
		LoadResult result = compiler.load(List.of(path));
		for (Problem problem : result.problems()) {
			IFile where = problem.file().toAbsolutePath().normalize().equals(path) ? file : workspaceFile(problem.file());
			if (where != null && (where.equals(file) || !where.getName().endsWith(".cabin"))) {
				mark(where, problem);
			}
		}
		if (result.hasErrors()) {
			deleteOutput(file);
			return;
		}
		try {
			Compilation compilation = compiler.compile(result, MonitorProgress.on(monitor, FILE_TICKS),
					MonitorProgress.cancellation(monitor));
			for (Problem warning : compilation.warnings()) {
				if (warning.file().toAbsolutePath().normalize().equals(path)) {
					mark(file, warning);
				}
			}
			CabinIr ir = compilation.ir();
			ByteArrayOutputStream json = new ByteArrayOutputStream();
			new IrCodec().write(ir, json);
			write(outputOf(file), json.toByteArray(), monitor);
		} catch (CancellationException | OperationCanceledException e) {
			// the IR on disk is of an older text: no IR rather than a wrong one
			deleteOutput(file);
			throw canceled();
		} catch (CompileException | IllegalStateException e) {
			// what validation cannot rule out, or a sentence model that cannot be loaded: said where it applies
			IMarker marker = file.createMarker(CabinMarkers.PROBLEM);
			marker.setAttributes(new String[] { IMarker.SEVERITY, IMarker.MESSAGE, IMarker.LINE_NUMBER },
					new Object[] { IMarker.SEVERITY_ERROR, e.getMessage(), 1 });
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("Cannot write the IR of " + file.getName(), e));
		}
	}

	private static IFile workspaceFile(Path path) {
		IFile[] files = org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot()
				.findFilesForLocationURI(path.toUri());
		return files.length == 0 ? null : files[0];
	}

	private static void mark(IFile file, Problem problem) throws CoreException {
		if (PROJECT_FILE.equals(file.getName())) {
			// problems of the project file are reported by each of its sources' builds: mark them once
			for (IMarker existing : file.findMarkers(CabinMarkers.PROBLEM, false, IResource.DEPTH_ZERO)) {
				if (problem.message().equals(existing.getAttribute(IMarker.MESSAGE, null))) {
					return;
				}
			}
		}
		IMarker marker = file.createMarker(CabinMarkers.PROBLEM);
		marker.setAttributes(
				new String[] { IMarker.SEVERITY, IMarker.MESSAGE, IMarker.LINE_NUMBER, IMarker.CHAR_START,
						IMarker.CHAR_END, CabinMarkers.CODE },
				new Object[] { severity(problem.severity()), problem.message(), problem.line(), problem.offset(),
						problem.offset() + problem.length(), problem.code() });
	}

	private static int severity(Problem.Severity severity) {
		return switch (severity) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		case INFO -> IMarker.SEVERITY_INFO;
		};
	}

	/** {@code build/NAME.ir.json} for {@code NAME.cabin}, in the folders of the source below the project. */
	private IFile outputOf(IFile source) {
		IPath relative = source.getProjectRelativePath().removeFileExtension().addFileExtension("ir")
				.addFileExtension("json");
		return getProject().getFolder(OUTPUT_FOLDER).getFile(relative);
	}

	private void deleteOutput(IFile source) throws CoreException {
		IFile output = outputOf(source);
		if (output.exists()) {
			output.delete(true, null);
		}
	}

	private static void write(IFile output, byte[] bytes, IProgressMonitor monitor) throws CoreException {
		createFolders(output.getParent(), monitor);
		if (output.exists()) {
			output.setContents(new ByteArrayInputStream(bytes), true, false, monitor);
		} else {
			output.create(new ByteArrayInputStream(bytes), true, monitor);
		}
		output.setDerived(true, monitor);
	}

	private static void createFolders(IContainer container, IProgressMonitor monitor) throws CoreException {
		if (container instanceof IFolder folder && !folder.exists()) {
			createFolders(folder.getParent(), monitor);
			folder.create(true, true, monitor);
			folder.setDerived(true, monitor);
		}
	}
}
