package dev.cabin.web.glsp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.EList;
import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GraphFactory;
import org.eclipse.glsp.graph.util.GraphUtil;
import org.eclipse.glsp.server.features.core.model.GModelFactory;
import org.eclipse.glsp.server.model.GModelState;

import com.google.inject.Inject;

import dev.cabin.diagram.graph.CabinDiagramBuilder;
import dev.cabin.diagram.graph.DiagramEdge;
import dev.cabin.diagram.graph.DiagramFilterException;
import dev.cabin.diagram.graph.DiagramGraph;
import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.graph.EdgeKind;
import dev.cabin.diagram.graph.NodeKind;
import dev.cabin.diagram.layout.NodeFace;
import dev.cabin.dsl.load.LoadResult;

/**
 * The GModel of the session's document: the graph {@link CabinDiagramBuilder} builds from its EMF model, a GLSP
 * node per diagram node (steps inside their flow, flows inside their agent), a title label and detail labels,
 * an edge per diagram edge but a flow's entry (without ports, an edge from a flow to a step inside it would cross
 * that step; the first step is the leftmost). Positions and sizes come later from the {@link ElkLayoutEngine}. Each node carries
 * where it is written ({@code sourceOffset}, {@code sourceLength}) so the browser can reveal it in the editor.
 * A document the diagram cannot be drawn for gets an empty graph that says why.
 */
final class DiagramModelFactory implements GModelFactory {

	static final String GRAPH = "graph";
	static final String STEP = "node:step";
	static final String FLOW = "node:flow";
	static final String AGENT = "node:agent";
	static final String OTHER = "node:other";
	static final String EDGE = "edge";
	static final String TITLE = "label:title";
	static final String DETAIL = "label:detail";
	static final String NOTICE = "label:notice";
	static final String TITLE_SUFFIX = "_title";

	@Inject
	private GModelState state;
	@Inject
	private DiagramSources sources;

	@Override
	public void createGModel() {
		CabinDocument document = CabinDocument.of(state).orElseThrow();
		GGraph root = GraphFactory.eINSTANCE.createGGraph();
		root.setId("cabin-diagram");
		root.setType(GRAPH);
		DiagramGraph graph = null;
		LoadResult loaded = document.problem != null ? null : sources.compiler().load(document.file, document.text);
		if (loaded == null) {
			root.getChildren().add(notice(document.problem));
		} else if (loaded.files().isEmpty()) {
			root.getChildren().add(notice(document.path + " cannot be read as a Cabin document"));
		} else {
			try {
				graph = CabinDiagramBuilder.build(loaded.files(), DiagramOptions.ALL, resource -> document.path);
				addElements(root, graph);
			} catch (DiagramFilterException e) {
				root.getChildren().add(notice(document.path + ": " + e.getMessage()));
			}
		}
		document.withGraph(graph).storeIn(state);
		state.updateRoot(root);
	}

	private static void addElements(GGraph root, DiagramGraph graph) {
		Map<String, GNode> nodes = new HashMap<>();
		for (DiagramNode node : graph.nodes()) {
			GNode gnode = node(node);
			nodes.put(node.id(), gnode);
			GModelElement parent = node.parentId() == null ? root : nodes.get(node.parentId());
			parent.getChildren().add(gnode);
		}
		Set<String> shown = nodes.keySet();
		for (DiagramEdge edge : graph.edges()) {
			if (edge.kind() != EdgeKind.ENTRY && shown.contains(edge.source()) && shown.contains(edge.target())) {
				root.getChildren().add(edge(edge));
			}
		}
	}

	private static GNode node(DiagramNode node) {
		GNode gnode = GraphFactory.eINSTANCE.createGNode();
		gnode.setId(node.id());
		gnode.setType(type(node.kind(), node.step()));
		gnode.getCssClasses().add("cabin-" + node.kind().cssName());
		if (node.source() != null) {
			gnode.getArgs().put("sourceOffset", node.source().offset());
			gnode.getArgs().put("sourceLength", node.source().length());
		}
		gnode.getArgs().put("kind", node.kind().cssName());
		EList<GModelElement> children = gnode.getChildren();
		children.add(label(node.id() + TITLE_SUFFIX, TITLE, NodeFace.title(node)));
		List<String> details = NodeFace.details(node);
		for (int line = 0; line < details.size(); line++) {
			children.add(label(node.id() + "_detail" + line, DETAIL, details.get(line)));
		}
		return gnode;
	}

	static String type(NodeKind kind, boolean step) {
		if (step) {
			return STEP;
		}
		return switch (kind) {
		case AGENT -> AGENT;
		case FLOW -> FLOW;
		default -> OTHER;
		};
	}

	private static GLabel label(String id, String type, String text) {
		GLabel label = GraphFactory.eINSTANCE.createGLabel();
		label.setId(id);
		label.setType(type);
		label.setText(text);
		label.getCssClasses().add("cabin-" + type.substring(type.indexOf(':') + 1));
		return label;
	}

	private static GEdge edge(DiagramEdge edge) {
		GEdge gedge = GraphFactory.eINSTANCE.createGEdge();
		gedge.setId(edge.id());
		gedge.setType(EDGE);
		gedge.setSourceId(edge.source());
		gedge.setTargetId(edge.target());
		gedge.getCssClasses().add("cabin-" + edge.kind().cssName());
		if (edge.kind().dashed()) {
			gedge.getCssClasses().add("cabin-dashed");
		}
		if (edge.label() != null) {
			gedge.getChildren().add(label(edge.id() + "_label", DETAIL, edge.label()));
		}
		return gedge;
	}

	private static GLabel notice(String message) {
		GLabel label = label("cabin-notice", NOTICE, message);
		label.setPosition(GraphUtil.point(16, 24));
		return label;
	}
}
