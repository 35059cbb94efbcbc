package dev.cabin.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import dev.cabin.dsl.load.Problem;

/**
 * Turns the paths a browser names (relative, with {@code /} between folders) into files of the workspace, and
 * refuses every path that would lead out of it: an absolute path, a {@code ..} or {@code .} segment, a backslash
 * or a NUL, and a path whose existing part leads elsewhere through a link. The workspace's own real path is the
 * fence; a path is checked when it is used, so a link made later is caught too.
 */
final class WorkspacePaths {

	private static final int MAX_PATH_CHARS = 1024;

	private final Path root;

	WorkspacePaths(Path root) throws IOException {
		this.root = root.toRealPath();
	}

	Path root() {
		return root;
	}

	/** The file a relative path names inside the workspace; the empty path is the workspace itself. */
	Path resolve(String relative) throws Refusal {
		if (relative == null) {
			throw refused("no path was given");
		}
		if (relative.length() > MAX_PATH_CHARS) {
			throw refused("the path is longer than " + MAX_PATH_CHARS + " characters");
		}
		if (relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0 || relative.startsWith("/")) {
			throw refused("the path must be relative to the workspace, with / between folders");
		}
		Path file = root;
		for (String segment : relative.split("/", -1)) {
			if (segment.isEmpty() && relative.isEmpty()) {
				break;
			}
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				throw refused("the path has an empty, . or .. segment");
			}
			try {
				file = file.resolve(segment);
			} catch (InvalidPathException e) {
				throw refused("the path is not a valid file name here");
			}
		}
		requireInside(file);
		return file;
	}

	private static Refusal refused(String reason) {
		return new Refusal(Refusal.FORBIDDEN, reason);
	}

	/** The path of a workspace file as the browser names it. */
	String relative(Path file) {
		return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
	}

	/** A file as the browser names it when it is in the workspace, else as it is. */
	String shown(Path file) {
		Path absolute = file.toAbsolutePath();
		return absolute.startsWith(root) ? relative(absolute) : file.toString();
	}

	/**
	 * A problem as {@code file:line:col: severity: message}, the file named as the browser names it when it is in
	 * the workspace.
	 */
	String located(Problem problem, String otherwise) {
		return (problem.file() == null ? otherwise : shown(problem.file())) + ":" + problem.line() + ":"
				+ problem.column() + ": " + problem.severity().label() + ": "
				+ problem.message();
	}

	/*
	 * The deepest part of the path that exists, followed through links, must still be inside the workspace: a
	 * link to a file or folder outside is refused, whatever follows it.
	 */
	private void requireInside(Path file) throws Refusal {
		Path existing = file;
		while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
			existing = existing.getParent();
		}
		try {
			if (existing == null || !existing.toRealPath().startsWith(root)) {
				throw refused("the path leads outside the workspace");
			}
		} catch (IOException e) {
			// a dangling link, or a loop: where it leads cannot be known
			throw refused("the path leads outside the workspace");
		}
	}
}
