package dev.cabin.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the Cabin Studio checkout that tests read (the examples), found through the {@code cabin.repository}
 * system property that the build sets, and the shared NLU data beside the checkout, which may be missing.
 */
public final class Repository {

	private Repository() {
	}

	public static Path root() {
		String root = System.getProperty("cabin.repository");
		if (root == null || !Files.isDirectory(Path.of(root, "examples"))) {
			throw new IllegalStateException("set -Dcabin.repository to the Cabin Studio checkout (the build does);"
					+ " no examples/ folder at " + root);
		}
		return Path.of(root);
	}

	public static Path file(String relativePath) {
		return root().resolve(relativePath);
	}

	public static Path carGenius() {
		return file("examples/car-genius/car-genius.cabin");
	}

	/**
	 * The shared data folder ({@code ../shared/data} beside the checkout, or beside its parent for a git worktree
	 * under {@code wt/}), or {@code null} when this machine has none; tests that need it skip with a message.
	 */
	public static Path sharedData() {
		for (String candidate : new String[] { "../shared/data", "../../shared/data" }) {
			Path data = root().resolve(candidate).normalize();
			if (Files.isDirectory(data)) {
				return data;
			}
		}
		return null;
	}
}
