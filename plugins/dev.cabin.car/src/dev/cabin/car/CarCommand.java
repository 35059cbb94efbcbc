package dev.cabin.car;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.cabin.car.fleet.CarAttributes;
import dev.cabin.car.fleet.DdiException;
import dev.cabin.car.fleet.DdiServer;
import dev.cabin.car.fleet.FleetCar;
import dev.cabin.car.fleet.SmokeCheck;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.PackageVerifier;

/**
 * {@code cabin car --hawkbit URL --controller ID --token-file F --slots DIR --trust PUBKEY --vehicle ID
 * [--market M] [--tenant T] [--poll-interval 30s]}: the car as a hawkBit device, running until it is stopped.
 */
final class CarCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		URI server = HawkbitAddress.of(arguments.option("--hawkbit"));
		String controller = required(arguments, "--controller", "the car's controller id in hawkBit");
		Path tokenFile = Path.of(required(arguments, "--token-file", "the file holding the car's target token"));
		String vehicle = required(arguments, "--vehicle", "the vehicle profile id of this car");
		String market = arguments.option("--market");
		String tenant = arguments.option("--tenant");
		Duration interval = pollInterval(arguments.option("--poll-interval"));
		Path slots = SlotsOption.required(arguments);
		PackageVerifier verifier;
		try {
			verifier = CarBuilds.verifier(arguments, slots);
		} catch (KeyFileException e) {
			terminal.err().println("cabin car: " + e.getMessage());
			return FAILED;
		}
		arguments.rejectUnknown();
		if (!arguments.positional().isEmpty()) {
			throw new UsageException("car takes options only");
		}
		String token;
		try {
			token = Files.readString(tokenFile).strip();
		} catch (IOException e) {
			terminal.err().println("cabin car: cannot read the token file " + tokenFile + ": " + e.getMessage());
			return FAILED;
		}
		if (token.isEmpty()) {
			terminal.err().println("cabin car: the token file " + tokenFile + " is empty");
			return FAILED;
		}
		FleetCar car = new FleetCar(new DdiServer(server, tenant == null ? "DEFAULT" : tenant, controller, token),
				new CarAttributes(vehicle, market), slots, verifier, new SmokeCheck(), new FleetCar.Observer() {
				}, line -> terminal.err().println("cabin car: " + line));
		try {
			car.run(interval, () -> true);
			return OK;
		} catch (DdiException e) {
			terminal.err().println("cabin car: " + e.getMessage());
			return FAILED;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return OK;
		}
	}

	private static String required(Arguments arguments, String option, String what) throws UsageException {
		String value = arguments.option(option);
		if (value == null) {
			throw new UsageException("name " + what + " with " + option);
		}
		return value;
	}

	/* "30s", "500ms", "2m" or plain seconds; null: the interval hawkBit asks for. */
	static Duration pollInterval(String value) throws UsageException {
		if (value == null) {
			return null;
		}
		var match = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m)?").matcher(value);
		if (!match.matches() || Long.parseLong(match.group(1)) == 0) {
			throw new UsageException("--poll-interval needs a duration above 0 like 30s, 500ms or 2m, not \""
					+ value + "\"");
		}
		long amount = Long.parseLong(match.group(1));
		return switch (match.group(2) == null ? "s" : match.group(2)) {
		case "ms" -> Duration.ofMillis(amount);
		case "m" -> Duration.ofMinutes(amount);
		default -> Duration.ofSeconds(amount);
		};
	}
}
