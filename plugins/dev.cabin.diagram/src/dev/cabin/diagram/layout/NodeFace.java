package dev.cabin.diagram.layout;

import java.util.List;

import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.graph.Modality;
import dev.cabin.diagram.graph.NodeKind;

/**
 * What a node box shows and how big it is: the size the layout reserves and the positions the renderers
 * draw at come from here, so that text and box always agree.
 *
 * <pre>
 * ┌─┬──────────────────────┐   stripe in the kind's colour; triggers show their modality badges first,
 * │ │ [GAZE] [VOICE]       │   then the title in bold and the detail lines
 * │ │ title                │
 * │ │ detail               │
 * └─┴──────────────────────┘
 * </pre>
 */
public final class NodeFace {

	public static final double TITLE_FONT = 12;
	public static final double DETAIL_FONT = 11;
	public static final double BADGE_FONT = 9;
	public static final double EDGE_LABEL_FONT = 10;
	public static final double LINE_HEIGHT = 16;
	public static final double PADDING = 8;
	public static final double STRIPE = 5;
	public static final double BADGE_HEIGHT = 15;
	public static final double BADGE_GAP = 4;
	/** The height of the title band of agents and flows, above their contents. */
	public static final double HEADER_HEIGHT = 30;
	public static final double PORT_SIZE = 8;
	public static final double CORNER = 6;

	private static final double MAX_TEXT_WIDTH = 250;
	private static final double MIN_WIDTH = 96;
	private static final double END_WIDTH = 64;
	private static final double END_HEIGHT = 30;

	private NodeFace() {
	}

	/** The width and height of a box. */
	public record Size(double width, double height) {
	}

	/** The title, shortened to fit. */
	public static String title(DiagramNode node) {
		return TextMetrics.fit(node.title(), TITLE_FONT, true, MAX_TEXT_WIDTH);
	}

	/** The detail lines, each shortened to fit. */
	public static List<String> details(DiagramNode node) {
		return node.details().stream().map(line -> TextMetrics.fit(line, DETAIL_FONT, false, MAX_TEXT_WIDTH))
				.toList();
	}

	/** Whether the node is drawn as a small rounded terminal rather than a text box. */
	public static boolean terminal(DiagramNode node) {
		return node.kind() == NodeKind.END || node.kind() == NodeKind.FLOW_EXIT;
	}

	public static double badgeWidth(Modality modality) {
		return TextMetrics.width(modality.badge(), BADGE_FONT, true) + 10;
	}

	/** Whether the node is drawn with a title band (agents and flows, also when collapsed or empty). */
	public static boolean banded(DiagramNode node) {
		return node.kind() == NodeKind.AGENT || node.kind() == NodeKind.FLOW;
	}

	/** The size of a box without children. */
	public static Size leafSize(DiagramNode node) {
		if (banded(node)) {
			return new Size(Math.max(MIN_WIDTH, headerWidth(node)), HEADER_HEIGHT);
		}
		if (terminal(node)) {
			double width = Math.max(END_WIDTH, TextMetrics.width(title(node), DETAIL_FONT, true) + 2 * PADDING);
			return new Size(width, END_HEIGHT);
		}
		double textWidth = TextMetrics.width(title(node), TITLE_FONT, true);
		for (String line : details(node)) {
			textWidth = Math.max(textWidth, TextMetrics.width(line, DETAIL_FONT, false));
		}
		double badges = 0;
		for (Modality modality : node.modalities()) {
			badges += badgeWidth(modality) + BADGE_GAP;
		}
		textWidth = Math.max(textWidth, badges);
		double width = Math.max(MIN_WIDTH, Math.ceil(STRIPE + 2 * PADDING + textWidth));
		double height = 2 * PADDING + badgeBand(node) + LINE_HEIGHT * (1 + node.details().size()) - 2;
		return new Size(width, height);
	}

	/** The height taken by the badge row of a trigger (0 for other nodes). */
	public static double badgeBand(DiagramNode node) {
		return node.modalities().isEmpty() ? 0 : BADGE_HEIGHT + BADGE_GAP;
	}

	/** The width the title band of an agent or a flow needs. */
	public static double headerWidth(DiagramNode node) {
		double width = TextMetrics.width(title(node), TITLE_FONT, true);
		for (String line : details(node)) {
			width += 12 + TextMetrics.width(line, DETAIL_FONT, false);
		}
		return Math.ceil(width + 2 * PADDING + STRIPE);
	}

	/** The baseline of the title, relative to the top of the box. */
	public static double titleBaseline(DiagramNode node) {
		return PADDING + badgeBand(node) + TITLE_FONT - 1;
	}
}
