package dev.cabin.web.glsp;

import org.eclipse.glsp.server.actions.ActionHandler;
import org.eclipse.glsp.server.di.DiagramModule;
import org.eclipse.glsp.server.di.MultiBinding;
import org.eclipse.glsp.server.diagram.DiagramConfiguration;
import org.eclipse.glsp.server.features.core.model.GModelFactory;
import org.eclipse.glsp.server.features.core.model.SourceModelStorage;
import org.eclipse.glsp.server.layout.LayoutEngine;
import org.eclipse.glsp.server.operations.OperationHandler;

/**
 * The Cabin flow diagram for GLSP: its source model is a .cabin document (the editor's text), its GModel is
 * built from the EMF model by {@code dev.cabin.diagram} and laid out by Cabin's ELK layout, and its edit
 * operations become text edits of the document.
 */
final class CabinDiagramModule extends DiagramModule {

	static final String DIAGRAM_TYPE = "cabin-flows";

	private final DiagramSources sources;

	CabinDiagramModule(DiagramSources sources) {
		this.sources = sources;
	}

	@Override
	protected void configureBase() {
		super.configureBase();
		bind(DiagramSources.class).toInstance(sources);
		bind(DocumentEditor.class);
	}

	@Override
	public String getDiagramType() {
		return DIAGRAM_TYPE;
	}

	@Override
	protected Class<? extends DiagramConfiguration> bindDiagramConfiguration() {
		return CabinDiagramConfiguration.class;
	}

	@Override
	protected Class<? extends SourceModelStorage> bindSourceModelStorage() {
		return DocumentStorage.class;
	}

	@Override
	protected Class<? extends GModelFactory> bindGModelFactory() {
		return DiagramModelFactory.class;
	}

	@Override
	protected Class<? extends LayoutEngine> bindLayoutEngine() {
		return ElkLayoutEngine.class;
	}

	@Override
	protected void configureActionHandlers(MultiBinding<ActionHandler> binding) {
		super.configureActionHandlers(binding);
		binding.add(UpdateDocumentHandler.class);
	}

	@Override
	protected void configureOperationHandlers(MultiBinding<OperationHandler<?>> binding) {
		super.configureOperationHandlers(binding);
		binding.add(CreateStepHandler.class);
		binding.add(DeleteStepHandler.class);
		binding.add(RenameHandler.class);
		binding.add(ConnectToFlowHandler.class);
		binding.add(MoveStepHandler.class);
		binding.add(RoutesHandler.class);
	}
}
