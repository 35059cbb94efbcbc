package dev.cabin.dsl.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Case;
import dev.cabin.dsl.cabin.Comparison;
import dev.cabin.dsl.cabin.CompareOp;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.Not;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.validation.References.SignalTarget;
import dev.cabin.language.Names;
import dev.cabin.language.SimulatedSignals;
import dev.cabin.vss.NodeType;

/**
 * Finds replies that may have a gap: a {@code say} whose text reads a sensor or an actuator, which a car reports
 * only while it can (an engine that is off has no coolant temperature; the simulator has no value until one is
 * given), without an {@code otherwise} text. The engine then says its own phrase ("Sorry, I can't read the
 * engine coolant temperature right now."). A reply inside a {@code branch} case that compares the signal runs
 * only when it has a value, attributes are fixed facts of the car, and the simulated car starts with a value
 * for some signals ({@link SimulatedSignals}, the speed): none of them is reported.
 */
public class MissingValueValidator extends CabinCheckBase {

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	@Check
	public void checkSay(Say say) {
		if (!say.getOtherwise().isEmpty()) {
			return;
		}
		for (LocalizedText text : say.getTexts()) {
			if (text.getText() == null) {
				continue;
			}
			for (Templates.Marker marker : Templates.markers(text.getText())) {
				if (!marker.name().isEmpty() && resolve(marker.name(), text) instanceof SignalTarget signal
						&& (signal.node().type() == NodeType.SENSOR || signal.node().type() == NodeType.ACTUATOR)
						&& !SimulatedSignals.AT_START.containsKey(signal.node().path())
						&& !guarded(say, signal.node().path())) {
					reportInString(false, "{" + marker.name() + "} has no value while the car does not report it:"
							+ " write the reply for then with otherwise \"...\", else the agent says it can't read the "
							+ Names.spoken(marker.name()) + " right now", text, CABIN.getLocalizedText_Text(), 0,
							marker.start(), marker.end(), CabinIssueCodes.UNPROVIDED_SIGNAL, marker.name());
				}
			}
		}
	}

	/** Whether a branch case around the step compares the signal, so that the step runs only with a value. */
	private static boolean guarded(EObject step, String path) {
		for (Case branchCase = EcoreUtil2.getContainerOfType(step, Case.class); branchCase != null;
				branchCase = EcoreUtil2.getContainerOfType(branchCase.eContainer(), Case.class)) {
			for (Reference reference : EcoreUtil2.getAllContentsOfType(branchCase.getCondition(), Reference.class)) {
				if (path.equals(reference.getPath()) && holdsOnlyWithValue(reference)) {
					return true;
				}
			}
			if (branchCase.getCondition() instanceof Reference reference && path.equals(reference.getPath())) {
				return true;
			}
		}
		return false;
	}

	/** A comparison other than {@code !=}, not negated: false while the signal has no value. */
	private static boolean holdsOnlyWithValue(Reference reference) {
		return reference.eContainer() instanceof Comparison comparison && comparison.getOp() != CompareOp.NE
				&& EcoreUtil2.getContainerOfType(reference, Not.class) == null;
	}
}
