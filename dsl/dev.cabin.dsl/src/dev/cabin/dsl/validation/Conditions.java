package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.cabin.dsl.cabin.And;
import dev.cabin.dsl.cabin.BooleanLiteral;
import dev.cabin.dsl.cabin.CompareOp;
import dev.cabin.dsl.cabin.Comparison;
import dev.cabin.dsl.cabin.DriverState;
import dev.cabin.dsl.cabin.Expression;
import dev.cabin.dsl.cabin.Literal;
import dev.cabin.dsl.cabin.Not;
import dev.cabin.dsl.cabin.NumberLiteral;
import dev.cabin.dsl.cabin.Or;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.StringLiteral;

/**
 * Conditions as Cabin reasons about them at compile time: a disjunction of conjunctions of simple facts (a
 * signal compared with a constant, the driver's state). What is more complex than that is "unknown", which is
 * treated as possibly true: the analyses built on this are conservative, so a step counts as reachable while
 * moving unless the conditions on every way to it contradict the policy's condition.
 */
final class Conditions {

	/** A simple fact: a path compared with a constant (a number, text or boolean), or the driver's state. */
	sealed interface Atom permits Compare, DriverIs {
		Atom negated();
	}

	record Compare(String path, CompareOp op, Object value, String unit) implements Atom {
		@Override
		public Atom negated() {
			return new Compare(path, switch (op) {
			case LT -> CompareOp.GE;
			case LE -> CompareOp.GT;
			case GT -> CompareOp.LE;
			case GE -> CompareOp.LT;
			case EQ -> CompareOp.NE;
			case NE -> CompareOp.EQ;
			}, value, unit);
		}
	}

	record DriverIs(String state, boolean positive) implements Atom {
		@Override
		public Atom negated() {
			return new DriverIs(state, !positive);
		}
	}

	/**
	 * Beyond this many clauses, or facts in a clause, a condition is treated as unknown: the analysis stays
	 * linear in the length of the condition, however long a chain of {@code and}s and {@code or}s is.
	 */
	private static final int MAX_CLAUSES = 64;
	private static final int MAX_FACTS = 64;

	/**
	 * A condition in disjunctive normal form. {@code exact} is false when parts were replaced by "possibly
	 * true", in which case the negation is unknown too.
	 */
	record Dnf(List<List<Atom>> clauses, boolean exact) {
		static final Dnf TRUE = new Dnf(List.of(List.of()), true);
		static final Dnf FALSE = new Dnf(List.of(), true);
		static final Dnf UNKNOWN = new Dnf(List.of(List.of()), false);

		Dnf and(Dnf other) {
			if (clauses.isEmpty() || other.clauses.isEmpty()) {
				return FALSE;
			}
			if (clauses.size() * other.clauses.size() > MAX_CLAUSES
					|| longestClause() + other.longestClause() > MAX_FACTS) {
				return UNKNOWN;
			}
			List<List<Atom>> product = new ArrayList<>();
			for (List<Atom> left : clauses) {
				for (List<Atom> right : other.clauses) {
					List<Atom> clause = new ArrayList<>(left);
					clause.addAll(right);
					if (Conditions.satisfiable(clause)) {
						product.add(clause);
					}
				}
			}
			return new Dnf(product, exact && other.exact);
		}

		Dnf or(Dnf other) {
			if (clauses.size() + other.clauses.size() > MAX_CLAUSES) {
				return UNKNOWN;
			}
			List<List<Atom>> union = new ArrayList<>(clauses);
			for (List<Atom> clause : other.clauses) {
				if (!union.contains(clause)) {
					union.add(clause);
				}
			}
			return new Dnf(union, exact && other.exact);
		}

		Dnf not() {
			if (!exact) {
				return UNKNOWN;
			}
			Dnf result = TRUE;
			for (List<Atom> clause : clauses) {
				List<List<Atom>> negatedClause = new ArrayList<>();
				for (Atom atom : clause) {
					negatedClause.add(List.of(atom.negated()));
				}
				result = result.and(new Dnf(negatedClause, true));
			}
			return result;
		}

		private int longestClause() {
			int longest = 0;
			for (List<Atom> clause : clauses) {
				longest = Math.max(longest, clause.size());
			}
			return longest;
		}

		/** Whether some situation satisfies the condition (always, when it is unknown). */
		boolean satisfiable() {
			return clauses.stream().anyMatch(Conditions::satisfiable);
		}
	}

	private Conditions() {
	}

	static Dnf of(Expression expression) {
		if (expression == null) {
			return Dnf.TRUE;
		}
		if (expression instanceof And and) {
			Dnf conjunction = Dnf.TRUE;
			for (Expression operand : and.getOperands()) {
				conjunction = conjunction.and(of(operand));
			}
			return conjunction;
		}
		if (expression instanceof Or or) {
			Dnf disjunction = Dnf.FALSE;
			for (Expression operand : or.getOperands()) {
				disjunction = disjunction.or(of(operand));
			}
			return disjunction;
		}
		if (expression instanceof Not not) {
			return of(not.getOperand()).not();
		}
		if (expression instanceof DriverState driver) {
			return atom(new DriverIs(driver.getState(), true));
		}
		if (expression instanceof Reference reference) {
			return atom(new Compare(reference.getPath(), CompareOp.EQ, Boolean.TRUE, null));
		}
		if (expression instanceof Comparison comparison) {
			if (comparison.getLeft() instanceof Reference reference && comparison.getRight() instanceof Literal literal) {
				return compare(reference, comparison.getOp(), literal, false);
			}
			if (comparison.getRight() instanceof Reference reference && comparison.getLeft() instanceof Literal literal) {
				return compare(reference, comparison.getOp(), literal, true);
			}
		}
		if (expression instanceof BooleanLiteral literal) {
			return literal.isValue() ? Dnf.TRUE : Dnf.FALSE;
		}
		return Dnf.UNKNOWN;
	}

	private static Dnf compare(Reference reference, CompareOp op, Literal literal, boolean flipped) {
		Object value;
		String unit = null;
		if (literal instanceof NumberLiteral number) {
			try {
				value = Double.valueOf(number.getValue());
			} catch (NumberFormatException | NullPointerException e) {
				return Dnf.UNKNOWN;
			}
			unit = number.getUnit();
		} else if (literal instanceof StringLiteral text) {
			value = text.getValue();
		} else {
			value = ((BooleanLiteral) literal).isValue();
		}
		CompareOp effective = flipped ? switch (op) {
		case LT -> CompareOp.GT;
		case LE -> CompareOp.GE;
		case GT -> CompareOp.LT;
		case GE -> CompareOp.LE;
		default -> op;
		} : op;
		return atom(new Compare(reference.getPath(), effective, value, unit));
	}

	private static Dnf atom(Atom atom) {
		return new Dnf(List.of(List.of(atom)), true);
	}

	/** Whether a conjunction of facts can hold: intervals per numeric signal, values per text, states per driver. */
	static boolean satisfiable(List<Atom> clause) {
		Map<String, List<Compare>> byPath = new HashMap<>();
		Set<String> driverIs = new HashSet<>();
		Set<String> driverIsNot = new HashSet<>();
		for (Atom atom : clause) {
			if (atom instanceof Compare compare) {
				byPath.computeIfAbsent(compare.path(), p -> new ArrayList<>()).add(compare);
			} else if (atom instanceof DriverIs driver) {
				(driver.positive() ? driverIs : driverIsNot).add(driver.state());
			}
		}
		if (driverIs.stream().anyMatch(driverIsNot::contains)) {
			return false;
		}
		for (List<Compare> facts : byPath.values()) {
			if (!consistent(facts)) {
				return false;
			}
		}
		return true;
	}

	private static boolean consistent(List<Compare> facts) {
		if (facts.stream().map(Compare::unit).filter(Objects::nonNull).distinct().count() > 1) {
			return true; // values in different units are not compared here
		}
		if (facts.stream().allMatch(f -> f.value() instanceof Double)) {
			return numbersConsistent(facts);
		}
		Set<Object> equal = new HashSet<>();
		Set<Object> different = new HashSet<>();
		for (Compare fact : facts) {
			if (fact.op() == CompareOp.EQ) {
				equal.add(fact.value());
			} else if (fact.op() == CompareOp.NE) {
				different.add(fact.value());
			}
		}
		if (equal.size() > 1) {
			return false;
		}
		if (equal.stream().anyMatch(different::contains)) {
			return false;
		}
		// a boolean that must differ from both true and false
		return !(different.contains(Boolean.TRUE) && different.contains(Boolean.FALSE))
				&& !(equal.contains(Boolean.TRUE) && different.contains(Boolean.TRUE))
				&& !(equal.contains(Boolean.FALSE) && different.contains(Boolean.FALSE));
	}

	private static boolean numbersConsistent(List<Compare> facts) {
		double low = Double.NEGATIVE_INFINITY;
		double high = Double.POSITIVE_INFINITY;
		boolean lowOpen = true;
		boolean highOpen = true;
		Set<Double> excluded = new HashSet<>();
		for (Compare fact : facts) {
			double value = (Double) fact.value();
			switch (fact.op()) {
			case GT, GE -> {
				boolean open = fact.op() == CompareOp.GT;
				if (value > low || (value == low && open)) {
					low = value;
					lowOpen = open;
				}
			}
			case LT, LE -> {
				boolean open = fact.op() == CompareOp.LT;
				if (value < high || (value == high && open)) {
					high = value;
					highOpen = open;
				}
			}
			case EQ -> {
				if (value < low || (value == low && lowOpen) || value > high || (value == high && highOpen)) {
					return false;
				}
				low = value;
				high = value;
				lowOpen = false;
				highOpen = false;
			}
			case NE -> excluded.add(value);
			}
		}
		if (low < high) {
			return true;
		}
		return low == high && !lowOpen && !highOpen && !excluded.contains(low);
	}
}
