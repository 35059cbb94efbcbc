package dev.cabin.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import dev.cabin.dsl.ide.CabinInjector;

/**
 * Checks the workspace's agents once when the server starts, in the background, as an IDE indexes its workspace:
 * the Cabin language is set up (grammar, scopes, the VSS catalogue: seconds the first time), and its parser,
 * linker and validation have run over real agents, compiled by the JIT and their caches filled, before an author
 * types. Without it the first keystrokes in a large agent paid for that: on a fresh server the first ten took
 * three to eight times as long as later ones. What the check finds is not kept; each editor session checks its
 * documents itself.
 */
final class WorkspaceWarmUp {

	private static final Logger LOG = Logger.getLogger(WorkspaceWarmUp.class.getName());

	private WorkspaceWarmUp() {
	}

	static void start(WorkspacePaths paths, WorkspaceFiles files) {
		Thread warmUp = new Thread(() -> checkAgents(paths, files), "cabin-web-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

	private static void checkAgents(WorkspacePaths paths, WorkspaceFiles files) {
		CabinInjector.get();
		try {
			for (WorkspaceFiles.Entry entry : files.tree()) {
				if (!entry.folder() && entry.path().endsWith(".cabin")) {
					String text = new String(files.read(entry.path()).bytes(), StandardCharsets.UTF_8);
					CabinInjector.sources().check(paths.resolve(entry.path()), text);
				}
			}
		} catch (IOException | Refusal | RuntimeException e) {
			// only a head start: the sessions meet the same file and say what is wrong with it
			LOG.fine(() -> "cabin web: the workspace's agents were not all checked ahead: " + e);
		}
	}
}
