package dev.cabin.web.glsp;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.glsp.graph.DefaultTypes;
import org.eclipse.glsp.graph.GraphPackage;
import org.eclipse.glsp.server.diagram.BaseDiagramConfiguration;
import org.eclipse.glsp.server.layout.ServerLayoutKind;
import org.eclipse.glsp.server.types.EdgeTypeHint;
import org.eclipse.glsp.server.types.ShapeTypeHint;

/**
 * What the browser may do with the diagram's elements: steps, flows and other nodes can be deleted; steps can
 * be dragged to another place in their flow (a text edit: the layout is computed from the text); nothing is
 * resized; an edge can be drawn from a step or a trigger to a flow. The server lays the diagram out and sizes the nodes itself, so the browser need not measure them.
 */
final class CabinDiagramConfiguration extends BaseDiagramConfiguration {

	static final String RUN_EDGE = "edge:run";

	@Override
	public Map<String, EClass> getTypeMappings() {
		Map<String, EClass> mappings = DefaultTypes.getDefaultTypeMappings();
		for (String node : List.of(DiagramModelFactory.STEP, DiagramModelFactory.FLOW, DiagramModelFactory.AGENT,
				DiagramModelFactory.OTHER)) {
			mappings.put(node, GraphPackage.Literals.GNODE);
		}
		for (String label : List.of(DiagramModelFactory.TITLE, DiagramModelFactory.DETAIL, DiagramModelFactory.NOTICE)) {
			mappings.put(label, GraphPackage.Literals.GLABEL);
		}
		return mappings;
	}

	@Override
	public List<ShapeTypeHint> getShapeTypeHints() {
		return List.of(new ShapeTypeHint(DiagramModelFactory.STEP, true, true, false, false),
				new ShapeTypeHint(DiagramModelFactory.FLOW, false, true, false, false),
				new ShapeTypeHint(DiagramModelFactory.OTHER, false, true, false, false),
				new ShapeTypeHint(DiagramModelFactory.AGENT, false, false, false, false));
	}

	@Override
	public List<EdgeTypeHint> getEdgeTypeHints() {
		return List.of(new EdgeTypeHint(RUN_EDGE, false, false, false,
				List.of(DiagramModelFactory.STEP, DiagramModelFactory.OTHER), List.of(DiagramModelFactory.FLOW)));
	}

	@Override
	public ServerLayoutKind getLayoutKind() {
		return ServerLayoutKind.AUTOMATIC;
	}

	@Override
	public boolean needsClientLayout() {
		return false;
	}
}
