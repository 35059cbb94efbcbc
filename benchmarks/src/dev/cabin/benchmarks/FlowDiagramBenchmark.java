package dev.cabin.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cabin.diagram.graph.CabinDiagramBuilder;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.layout.DiagramLayouter;
import dev.cabin.diagram.overlay.Highlight;
import dev.cabin.diagram.render.SvgRenderer;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;

/**
 * The flow diagram of a generated agent whose one flow has 200 steps (says, asks, confirmations with both
 * answers, branches, calls, generated answers): model to graph, ELK layout, SVG text.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FlowDiagramBenchmark {

	/** Each group is ten steps: say, ask, confirm (yes: call, say; no: say), branch (case: say; otherwise: generate), say. */
	private static final int GROUPS = 20;

	private LoadResult agent;

	@Setup
	public void parseTheGeneratedAgent() {
		agent = CabinSources.standalone().load(Path.of("long-flow.cabin"), longFlow());
		if (agent.hasErrors()) {
			throw new IllegalStateException("the generated agent has errors: " + agent.problems());
		}
	}

	@Benchmark
	public String layoutAndSvg() throws Exception {
		return SvgRenderer.render(DiagramLayouter.layout(CabinDiagramBuilder.build(agent.files(), DiagramOptions.ALL,
				resource -> "long-flow.cabin")), Highlight.NONE, "200 steps");
	}

	static String longFlow() {
		StringBuilder text = new StringBuilder("""
				tool parking.reserve(spot: number) -> handler "parking"

				agent LongFlow {
					locales en-US
					intent Plan {
						en-US: "plan the evening", "what shall we do"
						slot stop: text
					}
					on voice Plan -> flow Evening
					flow Evening {
				""");
		for (int group = 0; group < GROUPS; group++) {
			text.append("\t\tsay \"Part ").append(group).append(" of the evening.\"\n")
					.append("\t\task Plan.stop prompt \"Where to next?\"\n")
					.append("\t\tconfirm \"Shall I reserve a spot near {stop}?\"\n")
					.append("\t\t\tyes {\n\t\t\t\tcall parking.reserve(spot: ").append(group).append(")\n")
					.append("\t\t\t\tsay \"Reserved.\"\n\t\t\t}\n")
					.append("\t\t\tno {\n\t\t\t\tsay \"No reservation then.\"\n\t\t\t}\n")
					.append("\t\tbranch {\n\t\t\twhen Vehicle.Speed > ").append(group * 5).append(" km/h {\n")
					.append("\t\t\t\tsay \"Let's keep going.\"\n\t\t\t}\n")
					.append("\t\t\totherwise {\n\t\t\t\tgenerate \"Suggest a stop nearby.\"\n\t\t\t}\n\t\t}\n")
					.append("\t\tsay \"Next part.\"\n");
		}
		return text.append("\t}\n}\n").toString();
	}
}
