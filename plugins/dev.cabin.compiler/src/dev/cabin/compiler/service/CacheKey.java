package dev.cabin.compiler.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.compiler.OutOfScopeExamples;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.project.CabinProject;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.SentenceModelFiles;
import dev.cabin.vss.VssSources;

/**
 * The content address of a compile: a SHA-256 over everything the IR depends on, so that any change misses.
 * That is the toolchain's version; every source in the load's resource set (the files asked for and those they
 * import) with the text that was parsed, be it a file's or an editor's unsaved text; each source's
 * out-of-scope examples; the project file ({@code cabin.yaml}) of each source and the VSS files it names or
 * includes; and
 * the id and file hash of the sentence model of each language the sources use, with the hash of the built-in
 * background of unrelated speech in that language.
 */
final class CacheKey {

	private final MessageDigest digest;

	private CacheKey() {
		try {
			digest = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	/**
	 * @throws IOException when a file the IR depends on cannot be read (the compile cannot be cached then)
	 */
	static String of(List<CabinFile> files, SentenceEncoders encoders, SentenceModelFiles modelFiles, String toolchain)
			throws IOException {
		CacheKey key = new CacheKey();
		key.add("toolchain", toolchain.getBytes(StandardCharsets.UTF_8));
		List<Resource> resources = new ArrayList<>(files.get(0).eResource().getResourceSet().getResources());
		resources.sort(Comparator.comparing(resource -> resource.getURI().toString()));
		Set<Path> projects = new TreeSet<>();
		Set<Language> languages = EnumSet.noneOf(Language.class);
		for (Resource resource : resources) {
			key.add("source " + resource.getURI(), parsedText(resource).getBytes(StandardCharsets.UTF_8));
			languages.addAll(utteranceLanguages(resource));
			Path source = path(resource.getURI());
			if (source != null) {
				Path outOfScope = OutOfScopeExamples.fileFor(source);
				key.addFile("out of scope", outOfScope);
				OutOfScopeExamples.read(outOfScope).forEach(line -> languages.add(Language.ofText(line)));
				Path project = source.getParent() == null ? null : CabinProject.find(source.getParent());
				if (project != null) {
					projects.add(project);
				}
			}
		}
		for (Path project : projects) {
			key.addCatalogue(project);
		}
		for (Language language : languages) {
			key.addModel(language, encoders.forLanguage(language), modelFiles);
			key.add("background " + language.code(),
					BackgroundCorpus.builtIn().sha256(language).getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(key.digest.digest());
	}

	private static String parsedText(Resource resource) {
		if (resource instanceof XtextResource xtext && xtext.getParseResult() != null) {
			return xtext.getParseResult().getRootNode().getText();
		}
		return "";
	}

	private static Path path(URI uri) {
		return uri.isFile() ? Path.of(uri.toFileString()) : null;
	}

	/** The languages whose encoders embed the examples of the agents of a source. */
	private static Set<Language> utteranceLanguages(Resource resource) {
		Set<Language> languages = EnumSet.noneOf(Language.class);
		if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof CabinFile file) {
			for (Agent agent : file.getAgents()) {
				for (Intent intent : agent.getIntents()) {
					for (LocalizedPhrases utterances : intent.getUtterances()) {
						languages.add(Language.ofLocale(utterances.getLocale()));
					}
				}
			}
		}
		return languages;
	}

	/** The project file and the VSS files it names (the catalogue the sources were validated against). */
	private void addCatalogue(Path projectFile) throws IOException {
		addFile("project", projectFile);
		VssSources vss = CabinProject.read(projectFile).vss();
		List<Path> named = new ArrayList<>();
		if (vss.spec() != null) {
			named.add(vss.spec());
		}
		named.addAll(vss.types());
		if (vss.units() != null) {
			named.add(vss.units());
		}
		named.addAll(vss.overlays());
		for (Path folder : vss.includeDirectories()) {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> included = Files.walk(folder)) {
					// what #include can name; not the rest of a folder that may hold the project's build output
					included.filter(file -> file.getFileName().toString().endsWith(".vspec")).sorted()
							.forEach(named::add);
				}
			}
		}
		for (Path file : named) {
			addFile("vss", file);
		}
	}

	private void addModel(Language language, SentenceEncoder encoder, SentenceModelFiles modelFiles) {
		String id = encoder.modelId();
		String files = modelFiles.fingerprint(id).sha256();
		add("model " + language.code(), (id + " " + encoder.dimension() + " " + files).getBytes(StandardCharsets.UTF_8));
	}

	private void addFile(String role, Path file) throws IOException {
		if (Files.isRegularFile(file)) {
			add(role + " " + file, Files.readAllBytes(file));
		} else {
			add(role + " " + file + " (none)", new byte[0]);
		}
	}

	/* Each part with its name and length, so that no two different inputs run together into the same bytes. */
	private void add(String name, byte[] content) {
		digest.update((name + "\u0000" + content.length + "\u0000").getBytes(StandardCharsets.UTF_8));
		digest.update(content);
	}
}
