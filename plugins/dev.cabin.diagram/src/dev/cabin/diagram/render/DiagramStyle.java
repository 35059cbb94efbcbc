package dev.cabin.diagram.render;

import java.util.EnumMap;
import java.util.Map;

import dev.cabin.diagram.graph.Modality;
import dev.cabin.diagram.graph.NodeKind;

/** The colours of the diagram: one per step kind and per modality, and those of the simulation overlay. */
public final class DiagramStyle {

	public static final Rgb BACKGROUND = Rgb.hex("#FFFFFF");
	public static final Rgb TITLE = Rgb.hex("#0F172A");
	public static final Rgb DETAIL = Rgb.hex("#334155");
	public static final Rgb MUTED = Rgb.hex("#64748B");
	public static final Rgb BOX_FILL = Rgb.hex("#FFFFFF");
	public static final Rgb BOX_STROKE = Rgb.hex("#CBD5E1");
	public static final Rgb AGENT_FILL = Rgb.hex("#F8FAFC");
	public static final Rgb AGENT_BAND = Rgb.hex("#E2E8F0");
	public static final Rgb AGENT_STROKE = Rgb.hex("#94A3B8");
	public static final Rgb FLOW_FILL = Rgb.hex("#FFFFFF");
	public static final Rgb FLOW_BAND = Rgb.hex("#EEF2FF");
	public static final Rgb FLOW_STROKE = Rgb.hex("#A5B4FC");
	public static final Rgb EDGE = Rgb.hex("#64748B");
	public static final Rgb LABEL_FILL = Rgb.hex("#FFFFFF");
	public static final Rgb SELECTION = Rgb.hex("#2563EB");

	/** The path a simulated conversation took. */
	public static final Rgb VISITED = Rgb.hex("#EA580C");
	public static final Rgb ACTIVE = Rgb.hex("#DC2626");
	public static final Rgb ACTIVE_FILL = Rgb.hex("#FFF7ED");
	public static final Rgb ON_HIGHLIGHT = Rgb.hex("#FFFFFF");

	private static final Map<NodeKind, Rgb> KINDS = new EnumMap<>(NodeKind.class);
	private static final Map<Modality, Rgb> MODALITIES = new EnumMap<>(Modality.class);

	static {
		KINDS.put(NodeKind.AGENT, AGENT_STROKE);
		KINDS.put(NodeKind.INTENT, Rgb.hex("#4F46E5"));
		KINDS.put(NodeKind.TRIGGER, Rgb.hex("#0F766E"));
		KINDS.put(NodeKind.FLOW, Rgb.hex("#6366F1"));
		KINDS.put(NodeKind.SAY, Rgb.hex("#2563EB"));
		KINDS.put(NodeKind.ASK, Rgb.hex("#0D9488"));
		KINDS.put(NodeKind.CONFIRM, Rgb.hex("#D97706"));
		KINDS.put(NodeKind.BRANCH, Rgb.hex("#7C3AED"));
		KINDS.put(NodeKind.CALL, Rgb.hex("#16A34A"));
		KINDS.put(NodeKind.GENERATE, Rgb.hex("#DB2777"));
		KINDS.put(NodeKind.HANDOFF, Rgb.hex("#0E7490"));
		KINDS.put(NodeKind.RUN, Rgb.hex("#475569"));
		KINDS.put(NodeKind.END, Rgb.hex("#1F2937"));
		KINDS.put(NodeKind.FLOW_EXIT, Rgb.hex("#94A3B8"));
		KINDS.put(NodeKind.EXTERNAL_AGENT, AGENT_STROKE);

		MODALITIES.put(Modality.VOICE, Rgb.hex("#2563EB"));
		MODALITIES.put(Modality.WAKE_WORD, Rgb.hex("#6366F1"));
		MODALITIES.put(Modality.GAZE, Rgb.hex("#0284C7"));
		MODALITIES.put(Modality.GESTURE, Rgb.hex("#9333EA"));
		MODALITIES.put(Modality.POSTURE, Rgb.hex("#E11D48"));
		MODALITIES.put(Modality.SIGNAL, Rgb.hex("#A16207"));
		MODALITIES.put(Modality.TOUCH, Rgb.hex("#0D9488"));
		MODALITIES.put(Modality.TIMER, Rgb.hex("#475569"));
	}

	private DiagramStyle() {
	}

	public static Rgb of(NodeKind kind) {
		return KINDS.get(kind);
	}

	public static Rgb of(Modality modality) {
		return MODALITIES.get(modality);
	}
}
