package dev.cabin.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.ValueIr;
import dev.cabin.engine.vehicle.Vehicle;

/**
 * Evaluates conditions and fills templates in a session's context: its memory (slots and tool results), the
 * vehicle's signals and the driver's state. A reference that names nothing is {@code null}, and a comparison
 * with {@code null} is false.
 */
public final class Evaluator {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*\\}");

	interface Context {
		Map<String, Object> memory();

		Vehicle vehicle();

		String driverState();

		Iterable<EntityIr> entities();
	}

	private final Context context;

	Evaluator(Context context) {
		this.context = context;
	}

	boolean test(ExprIr expression) {
		return Boolean.TRUE.equals(value(expression));
	}

	Object value(ExprIr expression) {
		if (expression instanceof ExprIr.Or or) {
			return or.operands().stream().anyMatch(this::test);
		}
		if (expression instanceof ExprIr.And and) {
			return and.operands().stream().allMatch(this::test);
		}
		if (expression instanceof ExprIr.Not not) {
			return !test(not.operand());
		}
		if (expression instanceof ExprIr.Compare compare) {
			return compare(value(compare.left()), compare.op(), value(compare.right()));
		}
		if (expression instanceof ExprIr.Literal literal) {
			return literal(literal.value());
		}
		if (expression instanceof ExprIr.Ref ref) {
			return lookup(ref.path());
		}
		if (expression instanceof ExprIr.Driver driver) {
			return driver.state().equalsIgnoreCase(Objects.toString(context.driverState(), ""));
		}
		throw new IllegalArgumentException("unknown expression " + expression);
	}

	static Object literal(ValueIr value) {
		return value.engineValue();
	}

	/** A comparison; numbers by value, other values by their text ignoring case; {@code null} equals only {@code null}. */
	public static boolean compare(Object left, String op, Object right) {
		if (left == null || right == null) {
			return op.equals("!=") ? left != right : op.equals("==") && left == right;
		}
		int order;
		if (left instanceof Number a && right instanceof Number b) {
			order = Double.compare(a.doubleValue(), b.doubleValue());
		} else if (left instanceof Boolean || right instanceof Boolean) {
			if (!op.equals("==") && !op.equals("!=")) {
				return false;
			}
			order = left.toString().equalsIgnoreCase(right.toString()) ? 0 : 1;
		} else {
			order = left.toString().compareToIgnoreCase(right.toString());
		}
		return switch (op) {
		case "<" -> order < 0;
		case "<=" -> order <= 0;
		case ">" -> order > 0;
		case ">=" -> order >= 0;
		case "==" -> order == 0;
		default -> order != 0;
		};
	}

	/** A slot or tool result (and a field of it), else a vehicle signal. */
	Object lookup(String path) {
		String[] parts = path.split("\\.");
		Object value = context.memory().get(parts[0]);
		if (value != null) {
			for (int i = 1; i < parts.length && value != null; i++) {
				value = value instanceof Map<?, ?> map ? map.get(parts[i]) : null;
			}
			return value;
		}
		Object memorized = context.memory().get(path);
		return memorized != null ? memorized : context.vehicle().value(path);
	}

	/** Fills the template's placeholders; a placeholder with no value becomes empty and is reported. */
	String render(String template, String locale, java.util.function.Consumer<String> missing) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			Object value = lookup(matcher.group(1));
			if (value == null) {
				missing.accept(matcher.group(1));
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(display(value, locale)));
		}
		matcher.appendTail(out);
		return out.toString().replaceAll(" {2,}", " ").strip();
	}

	/** How a value reads in a reply: whole numbers without decimals, entity values by their local synonym. */
	String display(Object value, String locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double number) {
			return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString(number.longValue())
					: String.format(Locale.ROOT, "%.1f", number);
		}
		if (value instanceof String text) {
			for (EntityIr entity : context.entities()) {
				for (EntityIr.Value entityValue : entity.values()) {
					if (entityValue.name().equals(text)) {
						var synonyms = entityValue.synonyms().get(locale);
						return synonyms != null && !synonyms.isEmpty() ? synonyms.get(0) : text;
					}
				}
			}
		}
		return value.toString();
	}
}
