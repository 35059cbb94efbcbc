package dev.cabin.web.glsp;

import java.io.IOException;
import java.nio.file.Path;

import dev.cabin.compiler.service.CompileService;

/**
 * What the diagram sessions read documents with: the workspace fence (a path the browser names is resolved
 * inside the served folder or refused) and the process' one compile service, which parses and validates.
 */
public record DiagramSources(Resolver workspace, CompileService compiler) {

	/** Resolves a workspace-relative path, or says in a sentence why it is refused. */
	@FunctionalInterface
	public interface Resolver {
		Path resolve(String relativePath) throws IOException;
	}
}
