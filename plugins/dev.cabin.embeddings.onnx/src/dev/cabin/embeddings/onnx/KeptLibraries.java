package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * ONNX Runtime's native libraries kept extracted in a folder that the car's launcher names, beside its jars, so
 * that a start does not inflate 16.5 MB into a temporary folder. The folder is trusted as the jars beside it are,
 * and only as far as that holds: it is used only when it and its files belong to this user and nobody else may
 * write to them; otherwise the libraries are extracted to a temporary folder as usual. A library whose size or
 * CRC-32 differs from its entry in ONNX Runtime's jar (a torn copy, another ONNX Runtime version) is extracted
 * again.
 */
final class KeptLibraries {

	private KeptLibraries() {
	}

	/**
	 * The folder of this platform's libraries under {@code root}, extracted there if needed, or {@code null} if
	 * it cannot be used.
	 *
	 * @param files the libraries' file names
	 * @param resourceFolder where they are in ONNX Runtime's jar
	 */
	static Path folder(Path root, String platform, List<String> files, String resourceFolder) {
		Path folder = root.resolve(platform);
		try {
			Files.createDirectories(folder);
			if (!ownedByThisUserAlone(root) || !ownedByThisUserAlone(folder)) {
				return null;
			}
			for (String file : files) {
				URL resource = KeptLibraries.class.getClassLoader().getResource(resourceFolder + file);
				JarEntry entry = resource == null ? null : entry(resource);
				if (entry == null) {
					return null;
				}
				Path library = folder.resolve(file);
				if (!matches(library, entry)) {
					extract(resource, library);
				}
				if (!ownedByThisUserAlone(library)) {
					return null;
				}
			}
			return folder;
		} catch (IOException | UnsupportedOperationException e) {
			return null;
		}
	}

	/* Its size and CRC from the jar's directory, without inflating it; null where the class path holds no jar. */
	private static JarEntry entry(URL resource) throws IOException {
		return resource.openConnection() instanceof JarURLConnection jar ? jar.getJarEntry() : null;
	}

	private static boolean matches(Path library, JarEntry entry) throws IOException {
		if (!Files.isRegularFile(library) || Files.size(library) != entry.getSize()) {
			return false;
		}
		CRC32 crc = new CRC32();
		try (InputStream in = Files.newInputStream(library)) {
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
				crc.update(buffer, 0, read);
			}
		}
		return crc.getValue() == entry.getCrc();
	}

	/* Written beside it and moved into place, so that a start that is cut short leaves no torn library behind. */
	private static void extract(URL resource, Path library) throws IOException {
		Path partial = Files.createTempFile(library.getParent(), library.getFileName().toString(), ".partial");
		try (InputStream in = resource.openStream()) {
			Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(partial);
		}
	}

	private static boolean ownedByThisUserAlone(Path path) throws IOException {
		return OwnerOnly.holdsFor(path);
	}
}
