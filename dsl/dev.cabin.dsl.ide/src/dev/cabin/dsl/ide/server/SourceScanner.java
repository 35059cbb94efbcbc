package dev.cabin.dsl.ide.server;

import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.util.IFileSystemScanner;

import com.google.inject.Inject;

import dev.cabin.dsl.load.SourcePolicy;

/**
 * The files of the client's workspace that the server indexes: the sources the {@link SourcePolicy} lets be
 * read. A pipe, a link to a device or a file past the size limit named like a source is left out rather than
 * opened (a pipe would block the initial build, a device never end it); an import of it is refused where it
 * is written.
 */
final class SourceScanner implements IFileSystemScanner {

	@Inject
	private IFileSystemScanner.JavaIoFileSystemScanner everyFile;

	@Override
	public void scan(URI root, IAcceptor<URI> acceptor) {
		SourcePolicy policy = SourcePolicy.standard();
		everyFile.scan(root, uri -> {
			if (uri.isFile() && policy.checkSource(Path.of(uri.toFileString())) == null) {
				acceptor.accept(uri);
			}
		});
	}
}
