package dev.cabin.language;

/**
 * Where a step is in its flow, written the same way in the engine's traces and in the ids of the diagram's
 * boxes, so that a trace can be shown on the diagram: the step's index among its siblings, preceded, inside
 * a confirmation or a branch, by the path of that step and the name of the block ({@code yes}, {@code no},
 * {@code case0}, {@code case1}, ... for the {@code when} clauses in source order, {@code otherwise}).
 *
 * <pre>
 * 0              the first step of the flow
 * 2.yes.0        the first step of the yes block of the confirmation that is the flow's third step
 * 2.no.1         the second step of its no block
 * 3.case0.0      the first step of the first when of the branch that is the flow's fourth step
 * 3.otherwise.0  the first step of that branch's otherwise block
 * </pre>
 */
public final class StepPath {

	/** The block of a flow's own steps. */
	public static final String FLOW = "";

	public static final String YES = "yes";

	public static final String NO = "no";

	public static final String OTHERWISE = "otherwise";

	private StepPath() {
	}

	/** The block of a branch's when clause, by its index among the clauses. */
	public static String whenCase(int index) {
		return "case" + index;
	}

	/** The path of the step at this index of a block ({@link #FLOW} or the result of {@link #block}). */
	public static String step(String block, int index) {
		return block.isEmpty() ? Integer.toString(index) : block + "." + index;
	}

	/**
	 * The path of a block of the confirmation or branch at this step path.
	 *
	 * @param name {@link #YES}, {@link #NO}, {@link #OTHERWISE} or {@link #whenCase}
	 */
	public static String block(String stepPath, String name) {
		return stepPath + "." + name;
	}
}
