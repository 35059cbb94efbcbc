package dev.cabin.ui.outline;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/** The Generic Editor has no outline of its own: a .cabin file's editor adapts to a {@link CabinOutlinePage}. */
public class OutlineAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> type) {
		if (type == IContentOutlinePage.class && adaptable instanceof ITextEditor editor
				&& editor.getEditorInput() instanceof IFileEditorInput input
				&& "cabin".equals(input.getFile().getFileExtension())) {
			return type.cast(new CabinOutlinePage(editor));
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}
