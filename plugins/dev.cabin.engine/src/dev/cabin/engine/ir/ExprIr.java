package dev.cabin.engine.ir;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A condition or a value: over slots, tool results, vehicle signals and the driver's state. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = ExprIr.Or.class, name = "or"),
		@JsonSubTypes.Type(value = ExprIr.And.class, name = "and"),
		@JsonSubTypes.Type(value = ExprIr.Not.class, name = "not"),
		@JsonSubTypes.Type(value = ExprIr.Compare.class, name = "compare"),
		@JsonSubTypes.Type(value = ExprIr.Literal.class, name = "literal"),
		@JsonSubTypes.Type(value = ExprIr.Ref.class, name = "ref"),
		@JsonSubTypes.Type(value = ExprIr.Driver.class, name = "driver") })
public sealed interface ExprIr {

	/** True when one of the operands is; a chain {@code a or b or c} is one {@code Or} of three. */
	record Or(List<ExprIr> operands) implements ExprIr {
		public Or {
			operands = checked("or", operands);
		}
	}

	/** True when all the operands are; a chain {@code a and b and c} is one {@code And} of three. */
	record And(List<ExprIr> operands) implements ExprIr {
		public And {
			operands = checked("and", operands);
		}
	}

	record Not(ExprIr operand) implements ExprIr {
	}

	/** @param op one of {@code < <= > >= == !=} */
	record Compare(ExprIr left, String op, ExprIr right) implements ExprIr {
		public Compare {
			if (!java.util.Set.of("<", "<=", ">", ">=", "==", "!=").contains(op)) {
				throw new IllegalArgumentException("unknown comparison \"" + op + "\"");
			}
		}
	}

	record Literal(ValueIr value) implements ExprIr {
	}

	/** A slot, a tool result ({@code result} or {@code result.field}) or a VSS signal ({@code Vehicle.Speed}). */
	record Ref(String path) implements ExprIr {
	}

	/** True while the driver monitoring system reports this state (Drowsy, Distracted, ...). */
	record Driver(String state) implements ExprIr {
	}

	/* The operands of an "or" or an "and" as the compiler writes them: an IR from elsewhere may not. */
	private static List<ExprIr> checked(String operator, List<ExprIr> operands) {
		if (operands == null || operands.size() < 2) {
			throw new IllegalArgumentException("an \"" + operator + "\" needs two or more operands");
		}
		if (operands.stream().anyMatch(java.util.Objects::isNull)) {
			throw new IllegalArgumentException("an operand of an \"" + operator + "\" is null");
		}
		return List.copyOf(operands);
	}
}
