package dev.cabin.ui.editor;

/** The problem markers of Cabin files (written by the project builder, fixed from the Problems view). */
public final class CabinMarkers {

	/** The marker type: a problem marker and a text marker, persistent. */
	public static final String PROBLEM = "dev.cabin.ui.problem";

	/** The attribute with the issue code (see {@code CabinIssueCodes}) that quick fixes start from. */
	public static final String CODE = "code";

	private CabinMarkers() {
	}
}
