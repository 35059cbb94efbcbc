package dev.cabin.dsl.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;
import org.eclipse.emf.ecore.resource.impl.FileURIHandlerImpl;
import org.eclipse.emf.ecore.resource.impl.URIHandlerImpl;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * The resource set of every reader of Cabin sources: {@link CabinSources} (the command line, the compile service,
 * Studio's builder and views) and the language server (which extends it). EMF reaches only local files through
 * it, and reads them under the {@link SourcePolicy}: no URL is ever opened or asked about (not even whether it
 * exists), no device, pipe or directory is opened, no file past the size limit is read. Nothing guesses a file's
 * content type by reading it.
 *
 * <p>It is not what the injector binds for {@code XtextResourceSet}: Xtext loads the grammar itself from the
 * class path through that binding, a URI this one refuses.
 */
public class CabinResourceSet extends XtextResourceSet {

	public CabinResourceSet() {
		setURIConverter(new ExtensibleURIConverterImpl(List.of(new PolicyFiles(SourcePolicy.standard()), new NoOtherUris()),
				List.of()) {
			/* Resources Xtext moved (a rename) keep being found at their new URI, as XtextResourceSet's own does. */
			@Override
			public URI normalize(URI uri) {
				URI moved = getNormalizationMap().get(uri);
				return moved != null ? moved : super.normalize(uri);
			}
		});
	}

	/** Local files: read only when the policy admits them. */
	private static final class PolicyFiles extends FileURIHandlerImpl {

		private final SourcePolicy policy;

		PolicyFiles(SourcePolicy policy) {
			this.policy = policy;
		}

		@Override
		public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
			Path file = Path.of(uri.toFileString());
			SourcePolicy.Refusal refusal = policy.checkSource(file);
			if (refusal != null) {
				throw new IOException(file + " is not read: " + refusal.reason());
			}
			return new ByteArrayInputStream(policy.read(file));
		}
	}

	/** Every URI that is not a local file: it exists for no one and cannot be opened. */
	private static final class NoOtherUris extends URIHandlerImpl {

		@Override
		public boolean canHandle(URI uri) {
			return true;
		}

		@Override
		public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
			throw refused(uri);
		}

		@Override
		public OutputStream createOutputStream(URI uri, Map<?, ?> options) throws IOException {
			throw refused(uri);
		}

		@Override
		public void delete(URI uri, Map<?, ?> options) throws IOException {
			throw refused(uri);
		}

		@Override
		public Map<String, ?> contentDescription(URI uri, Map<?, ?> options) {
			return Map.of();
		}

		@Override
		public boolean exists(URI uri, Map<?, ?> options) {
			return false;
		}

		@Override
		public Map<String, ?> getAttributes(URI uri, Map<?, ?> options) {
			return Map.of();
		}

		@Override
		public void setAttributes(URI uri, Map<String, ?> attributes, Map<?, ?> options) throws IOException {
			throw refused(uri);
		}

		private static IOException refused(URI uri) {
			return new IOException("only local files are read, not " + uri);
		}
	}
}
