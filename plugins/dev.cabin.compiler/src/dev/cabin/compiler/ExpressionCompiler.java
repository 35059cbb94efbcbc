package dev.cabin.compiler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.dsl.cabin.And;
import dev.cabin.dsl.cabin.Argument;
import dev.cabin.dsl.cabin.BooleanLiteral;
import dev.cabin.dsl.cabin.BuiltinValueType;
import dev.cabin.dsl.cabin.Call;
import dev.cabin.dsl.cabin.Comparison;
import dev.cabin.dsl.cabin.DriverState;
import dev.cabin.dsl.cabin.EntityValueType;
import dev.cabin.dsl.cabin.Expression;
import dev.cabin.dsl.cabin.Literal;
import dev.cabin.dsl.cabin.Not;
import dev.cabin.dsl.cabin.NumberLiteral;
import dev.cabin.dsl.cabin.Or;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.StringLiteral;
import dev.cabin.dsl.cabin.ValueType;
import dev.cabin.engine.ir.CallIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.TypeIr;
import dev.cabin.engine.ir.ValueIr;

/** The values of the language: expressions, literals, value types and tool calls with their arguments. */
final class ExpressionCompiler {

	private ExpressionCompiler() {
	}

	static ExprIr expression(Expression expression) {
		if (expression instanceof Or or) {
			return new ExprIr.Or(or.getOperands().stream().map(ExpressionCompiler::expression).toList());
		}
		if (expression instanceof And and) {
			return new ExprIr.And(and.getOperands().stream().map(ExpressionCompiler::expression).toList());
		}
		if (expression instanceof Not not) {
			return new ExprIr.Not(expression(not.getOperand()));
		}
		if (expression instanceof Comparison comparison) {
			return new ExprIr.Compare(expression(comparison.getLeft()), comparison.getOp().getLiteral(),
					expression(comparison.getRight()));
		}
		if (expression instanceof Literal literal) {
			return new ExprIr.Literal(literal(literal));
		}
		if (expression instanceof DriverState driver) {
			return new ExprIr.Driver(driver.getState());
		}
		if (expression instanceof Reference reference) {
			return new ExprIr.Ref(reference.getPath());
		}
		throw new CompileException(SourcePositions.location(expression) + ": no IR for "
				+ expression.eClass().getName());
	}

	static ValueIr literal(Literal literal) {
		if (literal instanceof NumberLiteral number) {
			return new ValueIr(Double.valueOf(number.getValue()), number.getUnit());
		}
		if (literal instanceof StringLiteral string) {
			return ValueIr.of(string.getValue());
		}
		return ValueIr.of(((BooleanLiteral) literal).isValue());
	}

	static TypeIr type(ValueType type) {
		if (type instanceof BuiltinValueType builtin) {
			return TypeIr.builtin(builtin.getBuiltin().getLiteral());
		}
		return TypeIr.entity(((EntityValueType) type).getEntity().getName());
	}

	static CallIr call(Call call) {
		return new CallIr(call.getTool().getName(), arguments(call.getArgs()), call.getResult());
	}

	static Map<String, ExprIr> arguments(List<Argument> args) {
		Map<String, ExprIr> compiled = new LinkedHashMap<>();
		for (Argument arg : args) {
			compiled.put(arg.getName(), expression(arg.getValue()));
		}
		return compiled;
	}
}
