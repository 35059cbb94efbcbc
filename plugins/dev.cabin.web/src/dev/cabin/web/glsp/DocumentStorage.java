package dev.cabin.web.glsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.glsp.server.actions.SaveModelAction;
import org.eclipse.glsp.server.features.core.model.RequestModelAction;
import org.eclipse.glsp.server.features.core.model.SourceModelStorage;
import org.eclipse.glsp.server.model.GModelState;

import com.google.inject.Inject;

/**
 * Loads the document a diagram shows: {@code requestModel}'s option {@code path} names a .cabin file of the
 * workspace (resolved inside it or refused); its text is read from disk until the editor sends its own. Saving
 * is the editor's job (the diagram never holds changes of its own), so a save from the diagram does nothing. A
 * path that cannot be read gives a diagram that says why (never a stack trace).
 */
final class DocumentStorage implements SourceModelStorage {

	static final String PATH_OPTION = "path";

	@Inject
	private GModelState state;
	@Inject
	private DiagramSources sources;

	@Override
	public void loadSourceModel(RequestModelAction action) {
		String path = action.getOptions().getOrDefault(PATH_OPTION, "");
		if (path.isBlank()) {
			CabinDocument.unreadable(path, "name the document to draw with the option \"path\"").storeIn(state);
			return;
		}
		try {
			Path file = sources.workspace().resolve(path);
			CabinDocument.read(path, file, Files.readString(file, StandardCharsets.UTF_8)).storeIn(state);
		} catch (IOException e) {
			CabinDocument.unreadable(path, "cannot read " + path + ": " + e.getMessage()).storeIn(state);
		}
	}

	@Override
	public void saveSourceModel(SaveModelAction action) {
		// the editor saves the text; the diagram is only a view of it
	}
}
