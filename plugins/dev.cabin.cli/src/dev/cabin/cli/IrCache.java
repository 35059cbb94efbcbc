package dev.cabin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.compiler.OutOfScopeExamples;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;

/**
 * Compiled agents kept between runs: compiling embeds every example and trains the classifiers, which takes
 * a minute for a corpus of thousands of utterances. An entry is found by a hash of the toolchain's version
 * and of every source the agents were loaded from, with their out-of-scope examples; any change misses.
 * The folder is {@code -Dcabin.cache}, else {@code $CABIN_CACHE}, else {@code $XDG_CACHE_HOME/cabin} or
 * {@code ~/.cache/cabin}; the most recently used entries are kept.
 */
final class IrCache {

	/** Entries kept; a large agent's IR takes tens of megabytes. */
	static final int ENTRIES = 12;

	private final Path folder;
	private final String toolchain;

	IrCache(Path folder, String toolchain) {
		this.folder = folder;
		this.toolchain = toolchain;
	}

	/** The cache of this installation, or {@code null} when the toolchain's version cannot be told. */
	static IrCache standard(Map<String, String> environment) {
		String version = toolchainVersion();
		return version == null ? null : new IrCache(folder(environment), version);
	}

	static Path folder(Map<String, String> environment) {
		String property = System.getProperty("cabin.cache");
		if (property != null) {
			return Path.of(property);
		}
		if (environment.get("CABIN_CACHE") != null) {
			return Path.of(environment.get("CABIN_CACHE"));
		}
		String xdg = environment.get("XDG_CACHE_HOME");
		Path base = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("cabin");
	}

	/** The IR compiled earlier from exactly these sources, or {@code null}. */
	CabinIr get(List<CabinFile> files) {
		Path entry = entry(files);
		if (entry == null || !Files.isRegularFile(entry)) {
			return null;
		}
		try (InputStream in = Files.newInputStream(entry)) {
			CabinIr ir = new IrCodec().read(in);
			Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
			return ir;
		} catch (IOException | IrFormatException e) {
			return null;
		}
	}

	/** Keeps the IR of the sources; a cache that cannot be written is no error, only slower next time. */
	void put(List<CabinFile> files, CabinIr ir) {
		Path entry = entry(files);
		if (entry == null) {
			return;
		}
		try {
			Files.createDirectories(folder);
			Path partial = Files.createTempFile(folder, "partial-", ".json");
			try (OutputStream out = Files.newOutputStream(partial)) {
				new IrCodec().write(ir, out);
			}
			Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			prune();
		} catch (IOException e) {
			// the next run compiles again
		}
	}

	private void prune() throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			List<Path> old = entries.filter(p -> p.getFileName().toString().startsWith("ir-"))
					.sorted(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed()).skip(ENTRIES).toList();
			for (Path path : old) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** Where the IR of the sources is kept, or {@code null} when a source cannot be read. */
	private Path entry(List<CabinFile> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(toolchain.getBytes(StandardCharsets.UTF_8));
			for (Resource resource : files.get(0).eResource().getResourceSet().getResources()) {
				URI uri = resource.getURI();
				if (!uri.isFile()) {
					return null;
				}
				Path source = Path.of(uri.toFileString());
				digest.update(("\u0000" + source).getBytes(StandardCharsets.UTF_8));
				digest.update(Files.readAllBytes(source));
				Path outOfScope = OutOfScopeExamples.fileFor(source);
				if (Files.isRegularFile(outOfScope)) {
					digest.update("\u0000out-of-scope".getBytes(StandardCharsets.UTF_8));
					digest.update(Files.readAllBytes(outOfScope));
				}
			}
			return folder.resolve("ir-" + HexFormat.of().formatHex(digest.digest()) + ".json");
		} catch (IOException | NoSuchAlgorithmException e) {
			return null;
		}
	}

	/**
	 * The versions of the compiler and of the engine, whose qualifiers change with every build; {@code null}
	 * when they cannot be read (classes outside a jar).
	 */
	private static String toolchainVersion() {
		String compiler = bundleVersion(CabinCompiler.class);
		String engine = bundleVersion(CabinIr.class);
		return compiler == null || engine == null ? null : compiler + "/" + engine;
	}

	private static String bundleVersion(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		if (source == null || source.getLocation() == null) {
			return null;
		}
		try {
			Path location = Path.of(source.getLocation().toURI());
			if (Files.isRegularFile(location)) {
				try (JarFile jar = new JarFile(location.toFile())) {
					Manifest manifest = jar.getManifest();
					return manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
				}
			}
			Path manifest = location.resolve("META-INF/MANIFEST.MF");
			if (Files.isRegularFile(manifest)) {
				try (InputStream in = Files.newInputStream(manifest)) {
					return new Manifest(in).getMainAttributes().getValue("Bundle-Version") + "@"
							+ Files.getLastModifiedTime(location);
				}
			}
			return null;
		} catch (IOException | URISyntaxException | IllegalArgumentException e) {
			return null;
		}
	}
}
