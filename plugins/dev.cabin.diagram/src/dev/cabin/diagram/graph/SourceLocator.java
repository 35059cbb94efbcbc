package dev.cabin.diagram.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Finds where model elements are written and what their text is, from the Xtext node model. Line starts are
 * indexed once per resource so that locating many elements stays linear in the size of the file.
 */
final class SourceLocator {

	private final Function<Resource, String> fileNames;
	private final Map<Resource, int[]> lineStarts = new HashMap<>();

	SourceLocator(Function<Resource, String> fileNames) {
		this.fileNames = fileNames;
	}

	/** The range of the element's text, or {@code null} if it has no text (a model built in memory). */
	SourceRange range(EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? null : range(element.eResource(), node.getRootNode(), node.getOffset(), node.getLength());
	}

	/** The range of the last character of the element's text: the closing brace of a flow. */
	SourceRange lastCharacter(EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? null
				: range(element.eResource(), node.getRootNode(), node.getEndOffset() - 1, 1);
	}

	/** The element's tokens with single spaces between them, without comments. */
	static String text(EObject element) {
		ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		return node == null ? "" : NodeModelUtils.getTokenText(node);
	}

	private SourceRange range(Resource resource, INode root, int offset, int length) {
		int[] starts = lineStarts.computeIfAbsent(resource, r -> indexLines(root.getText()));
		int end = offset + length;
		int startLine = lineOf(starts, offset);
		int endLine = lineOf(starts, end);
		return new SourceRange(fileNames.apply(resource), offset, length, startLine + 1,
				offset - starts[startLine] + 1, endLine + 1, end - starts[endLine] + 1);
	}

	private static int[] indexLines(String text) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int lineOf(int[] starts, int offset) {
		int low = 0;
		int high = starts.length - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (starts[middle] <= offset) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}
		return low;
	}
}
