package dev.cabin.compiler.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;

/**
 * Compiled agents kept for the next compile of the same sources: compiling embeds every example and trains the
 * classifiers, which takes a minute for a corpus of thousands of utterances. Entries are found by a
 * {@link CacheKey}, so any change of what the IR depends on misses. The most recently used entries are kept in
 * memory (for a Studio session) and, when the cache has a folder, on disk between runs: written to a
 * {@code partial-} file first and then renamed, so that a reader never sees half an entry and a failed write
 * leaves nothing behind.
 */
public final class IrCache {

	/** Entries kept on disk; a large agent's IR takes tens of megabytes there. */
	static final int DISK_ENTRIES = 12;
	/** Entries kept in memory: the agents a Studio session switches between. */
	static final int MEMORY_ENTRIES = 4;
	/** A partial file this old was left by a process that died while writing it (a write takes well under a second). */
	private static final Duration ABANDONED = Duration.ofMinutes(1);

	private final Path folder;
	private final String toolchain;
	private final Map<String, CabinIr> memory = new LinkedHashMap<>(MEMORY_ENTRIES, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, CabinIr> eldest) {
			return size() > MEMORY_ENTRIES;
		}
	};

	private IrCache(Path folder, String toolchain) {
		this.folder = folder;
		this.toolchain = toolchain;
	}

	/** A cache in memory only, for this process. */
	public static IrCache inMemory() {
		return new IrCache(null, toolchainVersion());
	}

	/**
	 * A cache in memory and in a folder; the folder is left alone when the toolchain's version cannot be told
	 * (classes outside a jar or bundle), since entries of another build would then look current.
	 */
	public static IrCache inFolder(Path folder) {
		String version = toolchainVersion();
		return new IrCache(version == null ? null : folder, version);
	}

	/** The cache of this installation: in memory and in the {@link #folder(Map) standard folder}. */
	public static IrCache standard(Map<String, String> environment) {
		return inFolder(folder(environment));
	}

	/**
	 * {@code -Dcabin.cache}, else {@code $CABIN_CACHE}, else {@code $XDG_CACHE_HOME/cabin}, else
	 * {@code ~/.cache/cabin}.
	 */
	public static Path folder(Map<String, String> environment) {
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

	/** Its folder on disk, or {@code null} when it keeps entries in memory only. */
	Path folder() {
		return folder;
	}

	/** The versions of the compiler and the engine, part of every key; {@code unknown} when they cannot be read. */
	String toolchain() {
		return toolchain == null ? "unknown" : toolchain;
	}

	/** The IR kept under the key, or {@code null}. */
	CabinIr get(String key) {
		synchronized (memory) {
			CabinIr kept = memory.get(key);
			if (kept != null) {
				return kept;
			}
		}
		CabinIr stored = read(key);
		if (stored != null) {
			synchronized (memory) {
				memory.put(key, stored);
			}
		}
		return stored;
	}

	/** Keeps the IR under the key; a folder that cannot be written is no error, only slower next time. */
	void put(String key, CabinIr ir) {
		synchronized (memory) {
			memory.put(key, ir);
		}
		if (folder != null) {
			write(key, ir);
		}
	}

	private CabinIr read(String key) {
		Path entry = entry(key);
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

	/*
	 * The IR is serialized before any file is made: an IR that cannot be written costs no file, and a process
	 * that dies while writing leaves a partial file only for the time it takes to copy the bytes.
	 */
	private void write(String key, CabinIr ir) {
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		try {
			new IrCodec().write(ir, json);
		} catch (IOException | RuntimeException e) {
			return; // the next run compiles again
		}
		Path partial = null;
		try {
			Files.createDirectories(folder);
			partial = Files.createTempFile(folder, "partial-", ".json");
			try (OutputStream out = Files.newOutputStream(partial)) {
				json.writeTo(out);
			}
			Files.move(partial, entry(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			partial = null;
			prune();
		} catch (IOException | RuntimeException e) {
			// the next run compiles again
		} finally {
			deleteQuietly(partial);
		}
	}

	/** Keeps the most recently used entries, and removes what dead writers left. */
	private void prune() throws IOException {
		long abandoned = System.currentTimeMillis() - ABANDONED.toMillis();
		try (Stream<Path> files = Files.list(folder)) {
			List<Path> all = files.toList();
			all.stream().filter(p -> p.getFileName().toString().startsWith("ir-"))
					.sorted(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed()).skip(DISK_ENTRIES)
					.forEach(IrCache::deleteQuietly);
			all.stream().filter(p -> p.getFileName().toString().startsWith("partial-"))
					.filter(p -> p.toFile().lastModified() < abandoned).forEach(IrCache::deleteQuietly);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			} catch (IOException e) {
				// another process removed or holds it; prune tries again
			}
		}
	}

	private Path entry(String key) {
		return folder == null ? null : folder.resolve("ir-" + key + ".json");
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
