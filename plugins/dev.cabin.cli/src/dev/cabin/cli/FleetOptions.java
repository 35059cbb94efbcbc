package dev.cabin.cli;

import java.util.Map;

import dev.cabin.car.Arguments;
import dev.cabin.car.HawkbitAddress;
import dev.cabin.car.UsageException;
import dev.cabin.fleet.HawkbitCredentials;
import dev.cabin.fleet.HawkbitException;
import dev.cabin.fleet.ManagementApi;

/** What the commands that talk to hawkBit's Management API share: {@code --hawkbit URL [--tenant T]}. */
final class FleetOptions {

	private FleetOptions() {
	}

	/** The Management API of the options' server, with the account of the environment. */
	static ManagementApi api(Arguments arguments, Map<String, String> environment)
			throws UsageException, HawkbitException {
		var server = HawkbitAddress.of(arguments.option("--hawkbit"));
		String tenant = arguments.option("--tenant");
		arguments.rejectUnknown();
		return new ManagementApi(server, tenant, HawkbitCredentials.fromEnvironment(environment));
	}

	/** A whole number option within bounds. */
	static int number(Arguments arguments, String name, int min, int max) throws UsageException {
		String value = arguments.option(name);
		if (value == null) {
			throw new UsageException("a rollout needs " + name);
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new UsageException(name + " needs a whole number from " + min + " to " + max + ", not \"" + value + "\"");
	}
}
