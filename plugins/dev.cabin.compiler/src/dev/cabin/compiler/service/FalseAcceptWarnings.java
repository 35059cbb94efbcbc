package dev.cabin.compiler.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.LineAndColumn;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.compiler.training.SoftmaxTraining;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.load.Problem;
import dev.cabin.dsl.validation.CabinIssueCodes;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;

/**
 * The compile stage's warning about agents that accept too much unrelated speech: more than
 * {@link BackgroundCorpus#FALSE_ACCEPT_BOUND} of the background's calibration lines, in a language, as the
 * compiler measured when it set the boundaries: a {@link Problem} at the agent, which the command line prints
 * as {@code FILE:LINE:COL: warning: message [falseAccepts]} and Studio's builder marks. The held-back lines
 * that {@code cabin labtest --background} runs give the figure to report. The code is not the validator's (no
 * validation can tell): it is in the language's code space so that every tool shows it the same way.
 */
public final class FalseAcceptWarnings {

	/** The issue code of the warning. */
	public static final String CODE = CabinIssueCodes.PREFIX + "falseAccepts";

	private FalseAcceptWarnings() {
	}

	public static List<Problem> of(List<CabinFile> files, CabinIr ir) {
		List<Problem> warnings = new ArrayList<>();
		for (CabinFile file : files) {
			for (Agent agent : file.getAgents()) {
				AgentIr compiled = ir.agent(agent.getName());
				if (compiled != null) {
					compiled.classifier().parameters().forEach((language, parameters) -> {
						Problem warning = warning(agent, language, parameters);
						if (warning != null) {
							warnings.add(warning);
						}
					});
				}
			}
		}
		return warnings;
	}

	private static Problem warning(Agent agent, String language, Object parameters) {
		if (!(parameters instanceof Map<?, ?> map)
				|| !(map.get(SoftmaxTraining.CALIBRATION_KEY) instanceof Map<?, ?> calibration)
				|| !(calibration.get("lines") instanceof Number lines)
				|| !(calibration.get("accepted") instanceof Number accepted) || lines.intValue() == 0) {
			return null;
		}
		double rate = accepted.doubleValue() / lines.doubleValue();
		if (rate <= BackgroundCorpus.FALSE_ACCEPT_BOUND) {
			return null;
		}
		String message = String.format(Locale.ROOT, "agent %s takes %.1f%% of unrelated %s requests for its intents"
				+ " (%d of %d calibration lines of the built-in background; the bound is %.0f%%): give its intents more"
				+ " examples, or add what it must not handle to its out-of-scope examples", agent.getName(), rate * 100,
				language, accepted.intValue(), lines.intValue(), BackgroundCorpus.FALSE_ACCEPT_BOUND * 100);
		return problemAt(agent, message);
	}

	private static Problem problemAt(EObject agent, String message) {
		var uri = agent.eResource().getURI();
		Path file = Path.of(uri.isFile() ? uri.toFileString() : uri.toString());
		INode node = NodeModelUtils.findActualNodeFor(agent);
		if (node == null) {
			return new Problem(file, 1, 1, 0, 0, Problem.Severity.WARNING, message, CODE);
		}
		LineAndColumn place = NodeModelUtils.getLineAndColumn(node, node.getOffset());
		return new Problem(file, place.getLine(), place.getColumn(), node.getOffset(), node.getLength(),
				Problem.Severity.WARNING, message, CODE);
	}
}
