package dev.cabin.dsl.validation;

import java.util.Locale;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import dev.cabin.dsl.cabin.ActuatorBinding;
import dev.cabin.dsl.cabin.Argument;
import dev.cabin.dsl.cabin.Call;
import dev.cabin.dsl.cabin.ExpectCall;
import dev.cabin.dsl.cabin.ToolParam;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.CompareOp;
import dev.cabin.dsl.cabin.Comparison;
import dev.cabin.dsl.cabin.Expression;
import dev.cabin.dsl.cabin.GazeEvent;
import dev.cabin.dsl.cabin.GazeInput;
import dev.cabin.dsl.cabin.Literal;
import dev.cabin.dsl.cabin.NumberLiteral;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.SignalAssignment;
import dev.cabin.dsl.cabin.SignalEvent;
import dev.cabin.dsl.cabin.StringLiteral;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.validation.References.ParameterTarget;
import dev.cabin.dsl.validation.References.SignalTarget;
import dev.cabin.dsl.validation.References.SlotTarget;
import dev.cabin.dsl.validation.References.Target;
import dev.cabin.dsl.validation.References.Unknown;
import dev.cabin.dsl.validation.References.UnknownSignal;
import dev.cabin.vss.NodeType;
import dev.cabin.vss.Strings;
import dev.cabin.vss.VssCatalogue;
import dev.cabin.vss.VssNode;

/**
 * Checks what refers to the vehicle and to values: VSS paths exist and are signals, comparisons compare like
 * with like in the signal's unit and range, conditions are conditions, tools write only actuators.
 */
public class SignalValidator extends CabinCheckBase {

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	/* Where an expression must be a condition (true or false). */
	private static final Set<EReference> CONDITIONS = Set.of(CABIN.getCase_Condition(), CABIN.getPolicy_Condition(),
			CABIN.getTrigger_Guard(), CABIN.getNot_Operand(), CABIN.getAnd_Operands(), CABIN.getOr_Operands(),
			CABIN.getSignalEvent_Condition());

	@Check
	public void checkReference(Reference reference) {
		if (reference.getPath() == null) {
			return;
		}
		Target target = resolve(reference.getPath(), reference);
		EStructuralFeature path = CABIN.getReference_Path();
		if (target instanceof UnknownSignal unknown) {
			reportUnknownSignal(unknown, reference, path);
		} else if (target instanceof Unknown unknown) {
			error("unknown name \"" + unknown.name() + "\": not a slot, a tool result or a vehicle signal"
					+ (unknown.closest() != null ? "; did you mean " + unknown.closest() + "?" : ""), reference, path,
					CabinIssueCodes.UNKNOWN_REFERENCE, unknown.closest() == null ? new String[0] : new String[] { unknown.closest() });
		} else if (target instanceof SignalTarget signal && !signal.node().type().hasValue()) {
			error(signal.node().path() + " is a " + signal.node().type().label() + ", not a signal with a value",
					reference, path, CabinIssueCodes.NOT_A_SIGNAL);
		} else if (isInSignalTrigger(reference) && !(target instanceof SignalTarget)) {
			error("a signal trigger watches a vehicle signal; " + reference.getPath() + " is not one", reference, path,
					CabinIssueCodes.NOT_A_SIGNAL);
		}
	}

	private static boolean isInSignalTrigger(EObject object) {
		for (EObject current = object; current != null; current = current.eContainer()) {
			if (current instanceof SignalEvent) {
				return true;
			}
		}
		return false;
	}

	void reportUnknownSignal(UnknownSignal unknown, EObject object, EStructuralFeature feature) {
		error("unknown vehicle signal " + unknown.path() + " (not in the VSS catalogue)"
				+ (unknown.closest() != null ? "; did you mean " + unknown.closest() + "?" : ""), object, feature,
				CabinIssueCodes.UNKNOWN_VSS_PATH, unknown.closest() == null ? new String[0] : new String[] { unknown.closest() });
	}

	/** An expression that stands where a condition must: it must be true or false. */
	@Check
	public void checkCondition(Expression expression) {
		if (!CONDITIONS.contains(expression.eContainmentFeature())) {
			return;
		}
		ValueKind kind = kind(expression);
		if (kind.kind() != ValueKind.Kind.BOOLEAN && kind.kind() != ValueKind.Kind.ANY) {
			error(kind.description() + " is not a condition; compare it with a value (==, <, ...)", expression, null,
					CabinIssueCodes.DATATYPE_MISMATCH);
		}
	}

	@Check
	public void checkComparison(Comparison comparison) {
		Expression left = comparison.getLeft();
		Expression right = comparison.getRight();
		if (left instanceof Reference && right instanceof Literal literal) {
			checkValue(kind(left), literal, comparison.getOp());
		} else if (right instanceof Reference && left instanceof Literal literal) {
			checkValue(kind(right), literal, comparison.getOp());
		} else if (left instanceof Reference && right instanceof Reference) {
			ValueKind leftKind = kind(left);
			ValueKind rightKind = kind(right);
			if (comparable(leftKind) && comparable(rightKind) && leftKind.kind() != rightKind.kind()) {
				error(leftKind.description() + " cannot be compared with " + rightKind.description(), comparison,
						CABIN.getComparison_Op(), CabinIssueCodes.DATATYPE_MISMATCH);
			}
		}
	}

	private static boolean comparable(ValueKind kind) {
		return kind.kind() != ValueKind.Kind.ANY && kind.kind() != ValueKind.Kind.UNCOMPARABLE;
	}

	@Check
	public void checkUnit(NumberLiteral number) {
		if (number.getUnit() != null && catalogue(number).unitId(number.getUnit()) == null) {
			error("unknown unit \"" + number.getUnit() + "\" (VSS units such as km/h, Celsius, percent, kPa; or %, °C)",
					number, CABIN.getNumberLiteral_Unit(), CabinIssueCodes.UNKNOWN_UNIT);
		}
	}

	@Check
	public void checkActuatorBinding(ActuatorBinding binding) {
		VssNode node = signal(binding.getPath(), binding, CABIN.getActuatorBinding_Path());
		if (node == null) {
			return;
		}
		if (node.type() != NodeType.ACTUATOR) {
			error(node.path() + " is a " + node.type().label() + (node.type().hasValue() ? ", which the vehicle only reports" : "")
					+ "; a tool can only set an actuator", binding, CABIN.getActuatorBinding_Path(),
					CabinIssueCodes.WRITE_TO_READ_ONLY);
			return;
		}
		Tool tool = (Tool) binding.eContainer();
		if (binding.getValue() == null) {
			if (tool.getParams().size() != 1) {
				error("say which value the tool sets " + node.path() + " to: -> actuator " + binding.getPath()
						+ " = a value or one of the tool's parameters (it has " + tool.getParams().size() + ")", binding,
						CABIN.getActuatorBinding_Path(), CabinIssueCodes.ACTUATOR_VALUE);
			}
		} else if (binding.getValue() instanceof Literal literal) {
			checkValue(ValueKind.of(node), literal, CompareOp.EQ);
		} else if (!(binding.getValue() instanceof Reference)) {
			error("the value an actuator is set to is a literal or a parameter of the tool", binding,
					CABIN.getActuatorBinding_Value(), CabinIssueCodes.ACTUATOR_VALUE);
		}
	}

	@Check
	public void checkGaze(GazeEvent gaze) {
		zone(gaze.getZone(), gaze, CABIN.getGazeEvent_Zone());
	}

	@Check
	public void checkGaze(GazeInput gaze) {
		zone(gaze.getZone(), gaze, CABIN.getGazeInput_Zone());
	}

	private void zone(String path, EObject object, EStructuralFeature feature) {
		if (path != null && References.zone(path, catalogue(object)).isEmpty()) {
			reportUnknownSignal(new UnknownSignal(path, catalogue(object).closest(path).orElse(null)), object, feature);
		}
	}

	@Check
	public void checkAssignment(SignalAssignment assignment) {
		VssNode node = signal(assignment.getPath(), assignment, CABIN.getSignalAssignment_Path());
		if (node != null && assignment.getValue() != null) {
			checkValue(ValueKind.of(node), assignment.getValue(), CompareOp.EQ);
		}
	}

	@Check
	public void checkSignalEvent(SignalEvent event) {
		if (event.getHysteresis() == null) {
			return;
		}
		boolean numeric = event.getCondition() instanceof Comparison comparison
				&& (kind(comparison.getLeft()).kind() == ValueKind.Kind.NUMBER
						|| kind(comparison.getRight()).kind() == ValueKind.Kind.NUMBER);
		if (!numeric) {
			error("hysteresis needs a numeric signal compared with a threshold", event,
					CABIN.getSignalEvent_Hysteresis(), CabinIssueCodes.DATATYPE_MISMATCH);
		}
	}

	/** The node of a path that must be a signal with a value; {@code null} after reporting when it is not. */
	private VssNode signal(String path, EObject object, EStructuralFeature feature) {
		if (path == null) {
			return null;
		}
		VssCatalogue catalogue = catalogue(object);
		VssNode node = catalogue.node(path).orElse(null);
		if (node == null) {
			reportUnknownSignal(new UnknownSignal(path, catalogue.closest(path).orElse(null)), object, feature);
		} else if (!node.type().hasValue()) {
			error(path + " is a " + node.type().label() + ", not a signal with a value", object, feature,
					CabinIssueCodes.NOT_A_SIGNAL);
			return null;
		}
		return node;
	}

	/** The kind of value an expression has. */
	ValueKind kind(Expression expression) {
		if (expression instanceof Reference reference && reference.getPath() != null) {
			return kind(resolve(reference.getPath(), reference));
		}
		if (expression instanceof Literal literal) {
			return ValueKind.of(literal);
		}
		if (expression == null) {
			return ValueKind.ANY;
		}
		return new ValueKind(ValueKind.Kind.BOOLEAN, "a condition", null, null, null, java.util.List.of(), false);
	}

	static ValueKind kind(Target target) {
		if (target instanceof SignalTarget signal) {
			// a branch where a value should be is reported as such, not as a mismatch
			return signal.node().type().hasValue() ? ValueKind.of(signal.node()) : ValueKind.ANY;
		}
		if (target instanceof SlotTarget slot) {
			return ValueKind.of(slot.slot().getType(), "the slot " + slot.slot().getName());
		}
		if (target instanceof ParameterTarget parameter) {
			return ValueKind.of(parameter.parameter().getType(), "the parameter " + parameter.parameter().getName());
		}
		return ValueKind.ANY;
	}

	/** Checks a literal against the kind of value it stands for (compared with, assigned to, passed as). */
	void checkValue(ValueKind expected, Literal literal, CompareOp op) {
		if (expected.kind() == ValueKind.Kind.ANY || literal == null) {
			return;
		}
		if (expected.kind() == ValueKind.Kind.UNCOMPARABLE) {
			error(expected.description() + " is not a single number, text or boolean", literal, null,
					CabinIssueCodes.DATATYPE_MISMATCH);
			return;
		}
		ValueKind actual = ValueKind.of(literal);
		boolean namedNumber = expected.kind() == ValueKind.Kind.NUMBER && actual.kind() == ValueKind.Kind.TEXT
				&& !expected.allowed().isEmpty();
		if (actual.kind() != expected.kind() && !namedNumber) {
			error(expected.description() + " is " + article(expected.kind()) + ", not " + actual.description(),
					literal, null, CabinIssueCodes.DATATYPE_MISMATCH);
			return;
		}
		if (op != null && op != CompareOp.EQ && op != CompareOp.NE && expected.kind() != ValueKind.Kind.NUMBER) {
			error(expected.description() + " can only be compared with == and !=", literal, null,
					CabinIssueCodes.DATATYPE_MISMATCH);
			return;
		}
		if (literal instanceof NumberLiteral number) {
			checkNumber(expected, number);
		} else if (literal instanceof StringLiteral text && !expected.allowed().isEmpty()
				&& !expected.allowed().contains(text.getValue())) {
			String closest = closest(text.getValue(), expected.allowed());
			error("\"" + text.getValue() + "\" is not a value of " + expected.description() + "; allowed: "
					+ String.join(", ", expected.allowed()), literal, CABIN.getStringLiteral_Value(),
					CabinIssueCodes.VALUE_NOT_ALLOWED, closest == null ? new String[0] : new String[] { closest });
		}
	}

	private void checkNumber(ValueKind expected, NumberLiteral number) {
		VssCatalogue catalogue = catalogue(number);
		if (number.getUnit() != null) {
			String unit = catalogue.unitId(number.getUnit());
			if (unit != null && expected.unit() == null && expected.signal()) {
				error(expected.description() + " has no unit; write the number alone", number,
						CABIN.getNumberLiteral_Unit(), CabinIssueCodes.UNIT_MISMATCH);
			} else if (unit != null && expected.unit() != null && !unit.equals(expected.unit())) {
				error(expected.description() + " is in " + expected.unit() + ", not " + number.getUnit(), number,
						CABIN.getNumberLiteral_Unit(), CabinIssueCodes.UNIT_MISMATCH, expected.unit());
				return;
			}
		}
		double value;
		try {
			value = Double.parseDouble(number.getValue());
		} catch (NumberFormatException | NullPointerException e) {
			return;
		}
		if ((expected.min() != null && value < expected.min()) || (expected.max() != null && value > expected.max())) {
			error(number.getValue() + " is outside the range of " + expected.description() + ": "
					+ bound(expected.min()) + " to " + bound(expected.max()), number, CABIN.getNumberLiteral_Value(),
					CabinIssueCodes.OUT_OF_RANGE);
		}
	}

	private static String bound(Double value) {
		if (value == null) {
			return "unbounded";
		}
		return value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
	}

	private static String article(ValueKind.Kind kind) {
		return switch (kind) {
		case NUMBER -> "a number";
		case TEXT -> "a text";
		case BOOLEAN -> "true or false";
		default -> "a value";
		};
	}

	private static String closest(String value, java.util.List<String> allowed) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : allowed) {
			int distance = Strings.editDistance(value.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return bestDistance <= Math.max(2, value.length() / 2) ? best : null;
	}

	@Check
	public void checkCall(Call call) {
		checkArguments(call.getTool(), call.getArgs(), call, CABIN.getCall_Tool(), true);
	}

	@Check
	public void checkExpectedCall(ExpectCall expectation) {
		checkArguments(expectation.getTool(), expectation.getArgs(), expectation, CABIN.getExpectCall_Tool(), false);
	}

	@Check
	public void checkDefault(ToolParam parameter) {
		if (parameter.getDefaultValue() != null) {
			checkValue(ValueKind.of(parameter.getType(), "the parameter " + parameter.getName()),
					parameter.getDefaultValue(), CompareOp.EQ);
		}
	}

	private void checkArguments(Tool tool, java.util.List<Argument> arguments, EObject owner, EReference toolFeature,
			boolean complete) {
		if (tool == null || tool.eIsProxy()) {
			return;
		}
		java.util.Map<String, ToolParam> parameters = new java.util.LinkedHashMap<>();
		tool.getParams().forEach(parameter -> parameters.put(parameter.getName(), parameter));
		java.util.Set<String> given = new java.util.HashSet<>();
		for (Argument argument : arguments) {
			ToolParam parameter = parameters.get(argument.getName());
			if (parameter == null) {
				error(tool.getName() + " has no parameter " + argument.getName() + " (it has: "
						+ (parameters.isEmpty() ? "none" : String.join(", ", parameters.keySet())) + ")", argument,
						CABIN.getArgument_Name(), CabinIssueCodes.UNKNOWN_ARGUMENT);
				continue;
			}
			if (!given.add(argument.getName())) {
				error("the argument " + argument.getName() + " is given twice", argument, CABIN.getArgument_Name(),
						CabinIssueCodes.DUPLICATE_NAME);
			}
			ValueKind expected = ValueKind.of(parameter.getType(), "the parameter " + parameter.getName());
			if (argument.getValue() instanceof Literal literal) {
				checkValue(expected, literal, CompareOp.EQ);
			} else if (argument.getValue() instanceof Reference) {
				ValueKind actual = kind(argument.getValue());
				if (comparable(expected) && comparable(actual) && expected.kind() != actual.kind()) {
					error(actual.description() + " does not fit " + expected.description(), argument,
							CABIN.getArgument_Value(), CabinIssueCodes.DATATYPE_MISMATCH);
				}
			}
		}
		if (complete) {
			java.util.List<String> missing = parameters.values().stream()
					.filter(p -> !p.isOptional() && p.getDefaultValue() == null && !given.contains(p.getName()))
					.map(ToolParam::getName).toList();
			if (!missing.isEmpty()) {
				error(tool.getName() + " needs " + String.join(", ", missing), owner, toolFeature,
						CabinIssueCodes.MISSING_ARGUMENT, missing.toArray(new String[0]));
			}
		}
	}
}
