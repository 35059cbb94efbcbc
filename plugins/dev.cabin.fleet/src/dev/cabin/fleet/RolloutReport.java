package dev.cabin.fleet;

import java.util.List;
import java.util.Map;

/** A rollout's status as {@code cabin rollout status} prints it. */
public final class RolloutReport {

	private static final List<String> ORDER = List.of("finished", "running", "scheduled", "notstarted", "error",
			"cancelled");

	private RolloutReport() {
	}

	public static String text(RolloutStatus status) {
		StringBuilder text = new StringBuilder();
		text.append("rollout ").append(status.name()).append(" (id ").append(status.id()).append("): ")
				.append(status.state()).append(", ").append(status.distributionSet()).append(", ")
				.append(status.totalCars()).append(" cars: ").append(counts(status.counts())).append('\n');
		for (RolloutStatus.Group group : status.groups()) {
			text.append(String.format("  %-12s %-10s %3d cars: %s%n", group.name(), group.state(), group.totalCars(),
					counts(group.counts())));
		}
		if (!status.failures().isEmpty()) {
			text.append("failures:\n");
			for (RolloutStatus.Failure failure : status.failures()) {
				text.append("  ").append(failure.car()).append(" (").append(failure.group()).append("): ")
						.append(failure.reason()).append('\n');
			}
		}
		return text.toString();
	}

	private static String counts(Map<String, Long> counts) {
		StringBuilder text = new StringBuilder();
		for (String state : ORDER) {
			long count = counts.getOrDefault(state, 0L);
			if (count > 0) {
				text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(state);
			}
		}
		return text.isEmpty() ? "none" : text.toString();
	}
}
