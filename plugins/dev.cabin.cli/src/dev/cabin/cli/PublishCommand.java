package dev.cabin.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.cabin.car.Arguments;
import dev.cabin.car.CarBuilds;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.engine.pkg.VerifiedPackage;
import dev.cabin.fleet.FleetPublisher;
import dev.cabin.fleet.HawkbitException;
import dev.cabin.fleet.ManagementApi;
import dev.cabin.fleet.RolloutPlan;
import dev.cabin.fleet.Rollouts;

/**
 * {@code cabin publish PKG --trust PUBKEY --hawkbit URL [--tenant T]}, then {@code --assign CAR,...} or
 * {@code --rollout NAME --filter QUERY --groups N --success PCT --error PCT}: checks the package as a car
 * trusting that key would, puts it on hawkBit and deploys it. The account comes from the environment.
 */
final class PublishCommand implements Command {

	private final Map<String, String> environment;

	PublishCommand(Map<String, String> environment) {
		this.environment = environment;
	}

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		Path file = CarBuilds.single(arguments, "package to publish");
		String assign = arguments.option("--assign");
		RolloutPlan plan = plan(arguments);
		if (assign != null && plan != null) {
			throw new UsageException("give either --assign CAR,... or --rollout NAME, not both");
		}
		try {
			PackageVerifier verifier = CarBuilds.verifier(arguments, null);
			ManagementApi api = FleetOptions.api(arguments, environment);
			VerifiedPackage build = verifier.verify(file);
			FleetPublisher.Published published = new FleetPublisher(api).publish(file, build.manifest());
			terminal.out().println("published " + published.name() + " " + published.version() + ": software module "
					+ published.moduleId() + ", distribution set " + published.distributionSetId());
			Rollouts rollouts = new Rollouts(api);
			if (assign != null) {
				List<String> cars = Arrays.stream(assign.split(",")).map(String::strip).filter(c -> !c.isEmpty())
						.toList();
				int assigned = rollouts.assign(published.distributionSetId(), cars);
				terminal.out().println("assigned to " + assigned + " of " + cars.size() + " cars");
			} else if (plan != null) {
				long id = rollouts.create(plan, published.distributionSetId());
				rollouts.start(id);
				terminal.out().println("rollout " + plan.name() + " (id " + id + ") started; follow it with cabin"
						+ " rollout status " + plan.name());
			}
			return OK;
		} catch (KeyFileException e) {
			terminal.err().println("cabin publish: " + e.getMessage());
		} catch (PackageRejectedException e) {
			terminal.err().println("cabin publish: " + file + " refused: " + e.getMessage());
		} catch (HawkbitException e) {
			terminal.err().println("cabin publish: " + e.getMessage());
		}
		return FAILED;
	}

	private static RolloutPlan plan(Arguments arguments) throws UsageException {
		String name = arguments.option("--rollout");
		if (name == null) {
			return null;
		}
		String filter = arguments.option("--filter");
		if (filter == null) {
			throw new UsageException("a rollout needs --filter QUERY (hawkBit's target filter, e.g."
					+ " attribute.vehicle==aurora-s-cn)");
		}
		return new RolloutPlan(name, filter, FleetOptions.number(arguments, "--groups", 1, 1000),
				FleetOptions.number(arguments, "--success", 1, 100), FleetOptions.number(arguments, "--error", 0, 100));
	}
}
