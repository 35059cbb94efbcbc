package dev.cabin.compiler.service;

/**
 * Whether the one who asked for a compile no longer wants it (a cancelled job, a closed view). The compile
 * service asks between its stages and each time the compiler reports progress, which it does after every
 * example it embeds and every classifier fit it trains.
 */
@FunctionalInterface
public interface Cancellation {

	/** A compile nobody cancels. */
	Cancellation NEVER = () -> false;

	boolean isCancelled();
}
