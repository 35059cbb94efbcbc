package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.onnxruntime.OrtEnvironment;

/**
 * ONNX Runtime's environment, its native libraries loaded without leaving a temporary folder behind. ONNX
 * Runtime's own loader extracts them into a new {@code onnxruntime-java*} folder and asks the JVM to delete it at
 * exit before the files in it, so every process left an empty folder in the temp directory. Here they are
 * extracted into a folder of our own, loaded from there ({@value #NATIVE_PATH}) and deleted as soon as they are
 * loaded: a loaded library stays mapped when its file is unlinked. The folder ONNX Runtime still creates stays
 * empty, and its exit hook deletes it. The car's launcher names a folder where they are kept instead
 * ({@value #KEPT_PATH}, see {@link KeptLibraries}). A path the user gave, or a platform whose libraries are not
 * where this expects them, is left to ONNX Runtime's loader.
 */
final class OnnxRuntimeLibrary {

	private static final String NATIVE_PATH = "onnxruntime.native.path";
	private static final String KEPT_PATH = "cabin.onnxruntime.libraries";
	private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

	private static boolean loaded;

	private OnnxRuntimeLibrary() {
	}

	static synchronized OrtEnvironment environment() {
		if (!loaded && System.getProperty(NATIVE_PATH) == null) {
			String platform = platform();
			Path kept = platform == null || System.getProperty(KEPT_PATH) == null ? null
					: KeptLibraries.folder(Path.of(System.getProperty(KEPT_PATH)), platform, fileNames(),
							resourceFolder(platform));
			if (kept != null) {
				loadFrom(kept);
			} else if (platform != null) {
				loadFromOwnFolder(platform);
			}
		}
		loaded = true;
		return OrtEnvironment.getEnvironment();
	}

	private static void loadFromOwnFolder(String platform) {
		List<Path> extracted = new ArrayList<>();
		Path folder = null;
		try {
			folder = Files.createTempDirectory("cabin-onnxruntime");
			for (String file : fileNames()) {
				try (InputStream in = OrtEnvironment.class.getResourceAsStream("/" + resourceFolder(platform) + file)) {
					if (in == null) {
						return;
					}
					Files.copy(in, folder.resolve(file));
					extracted.add(folder.resolve(file));
				}
			}
			loadFrom(folder);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot extract ONNX Runtime's native libraries: " + e.getMessage(), e);
		} finally {
			delete(folder, extracted);
		}
	}

	private static void loadFrom(Path folder) {
		System.setProperty(NATIVE_PATH, folder.toString());
		try {
			OrtEnvironment.getEnvironment();
		} finally {
			System.clearProperty(NATIVE_PATH);
		}
	}

	private static List<String> fileNames() {
		return LIBRARIES.stream().map(System::mapLibraryName).toList();
	}

	private static String resourceFolder(String platform) {
		return "ai/onnxruntime/native/" + platform + "/";
	}

	/* Where a loaded library cannot be deleted (Windows), the JVM deletes at exit, in reverse order: files first. */
	private static void delete(Path folder, List<Path> files) {
		if (folder == null) {
			return;
		}
		folder.toFile().deleteOnExit();
		for (Path file : files) {
			try {
				Files.delete(file);
			} catch (IOException e) {
				file.toFile().deleteOnExit();
			}
		}
		try {
			Files.deleteIfExists(folder);
		} catch (IOException e) {
			// deleted at exit
		}
	}

	/** ONNX Runtime's name for this platform's folder of libraries in its jar, or {@code null} for another. */
	private static String platform() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		String system = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
				: os.contains("win") ? "win" : null;
		String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
		return system == null || cpu == null ? null : system + "-" + cpu;
	}
}
