package dev.cabin.dsl.validation;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Confidence;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.query.IntentRisk;

/**
 * Checks how surely an agent can act on what it hears: intents too close to be told apart, and an intent that
 * changes something yet is acted on at low confidence.
 */
public class RecognitionValidator extends CabinCheckBase {

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	/**
	 * Two examples of different intents that share most of their words ({@link CloseExamples}), reported at the
	 * later one, with the earlier one's intent, text, and place (offset and length) for the quick fix.
	 */
	@Check
	public void checkCloseIntents(Agent agent) {
		for (CloseExamples.Pair pair : CloseExamples.of(agent)) {
			CloseExamples.Example example = pair.example();
			CloseExamples.Example closest = pair.closest();
			INode place = textNode(closest);
			warning("\"" + example.text() + "\" is close to \"" + closest.text() + "\" of " + closest.intent().getName()
					+ " (" + Math.round(pair.similarity() * 100) + "% of their words shared): the recognizer can hardly"
					+ " tell " + example.intent().getName() + " and " + closest.intent().getName() + " apart",
					example.phrases(), CABIN.getLocalizedPhrases_Texts(), example.index(), CabinIssueCodes.CLOSE_INTENTS,
					closest.intent().getName(), closest.text(), place == null ? "-1" : Integer.toString(place.getOffset()),
					place == null ? "0" : Integer.toString(place.getLength()));
		}
	}

	private static INode textNode(CloseExamples.Example example) {
		var nodes = NodeModelUtils.findNodesForFeature(example.phrases(), CABIN.getLocalizedPhrases_Texts());
		return example.index() < nodes.size() ? nodes.get(example.index()) : null;
	}

	/** An intent that sets an actuator or calls a tool, acted on at low confidence. */
	@Check
	public void checkConfidence(Intent intent) {
		if (IntentRisk.isSet(intent) && intent.getConfidence() == Confidence.LOW
				&& IntentRisk.byDefault(intent) == Confidence.HIGH) {
			warning("the intent " + intent.getName() + " sets an actuator or calls a tool, yet confidence low lets"
					+ " the agent act on it whenever it is in scope, and ask even below that",
					intent, CABIN.getIntent_Confidence(), CabinIssueCodes.LOW_CONFIDENCE_ACTS);
		}
	}
}
