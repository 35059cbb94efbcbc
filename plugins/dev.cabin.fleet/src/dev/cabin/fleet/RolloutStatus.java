package dev.cabin.fleet;

import java.util.List;
import java.util.Map;

/**
 * A rollout as hawkBit reports it: its state, how many cars are in each state, its groups, and the cars that
 * failed with the reason they reported.
 *
 * @param counts cars per state (notstarted, scheduled, running, finished, error, cancelled), in hawkBit's order
 */
public record RolloutStatus(long id, String name, String state, String distributionSet, long totalCars,
		Map<String, Long> counts, List<Group> groups, List<Failure> failures) {

	public record Group(String name, String state, long totalCars, Map<String, Long> counts) {
	}

	/** A car whose action ended in an error, with the last reason it gave. */
	public record Failure(String group, String car, String reason) {
	}

	public long count(String carState) {
		return counts.getOrDefault(carState, 0L);
	}
}
