package dev.cabin.cli;

import java.util.Map;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.fleet.HawkbitException;
import dev.cabin.fleet.RolloutReport;
import dev.cabin.fleet.Rollouts;

/** {@code cabin rollout status|start|pause|resume NAME|ID --hawkbit URL [--tenant T]}. */
final class RolloutCommand implements Command {

	private final Map<String, String> environment;

	RolloutCommand(Map<String, String> environment) {
		this.environment = environment;
	}

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		if (arguments.positional().size() != 2
				|| !java.util.List.of("status", "start", "pause", "resume").contains(arguments.positional().get(0))) {
			throw new UsageException("usage: cabin rollout status|start|pause|resume NAME|ID --hawkbit URL"
					+ " [--tenant T]");
		}
		String action = arguments.positional().get(0);
		String rollout = arguments.positional().get(1);
		try {
			Rollouts rollouts = new Rollouts(FleetOptions.api(arguments, environment));
			long id = rollouts.find(rollout);
			switch (action) {
			case "start" -> rollouts.start(id);
			case "pause" -> rollouts.pause(id);
			case "resume" -> rollouts.resume(id);
			default -> {
				// status only reports
			}
			}
			terminal.out().print(RolloutReport.text(rollouts.status(id)));
			return OK;
		} catch (HawkbitException e) {
			terminal.err().println("cabin rollout: " + e.getMessage());
			return FAILED;
		}
	}
}
