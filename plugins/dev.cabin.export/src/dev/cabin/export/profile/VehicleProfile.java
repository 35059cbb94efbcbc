package dev.cabin.export.profile;

import java.nio.file.Path;
import java.util.Map;

/**
 * A vehicle that agents are built for: its identity, its head unit and its VSS signals. Read from YAML or JSON
 * by {@link ProfileReader}; the format is described in README.md ("Car builds").
 *
 * @param file the profile file
 * @param sha256 the hash of the file (and of the VSS files it names), recorded in the packages built for it
 * @param id a stable id of the profile, which a car checks packages against
 * @param locations where each key was written ({@code headUnit.memoryMB}), for problems about its value
 */
public record VehicleProfile(Path file, String sha256, String id, String model, String market, HeadUnit headUnit,
		VehicleSignals signals, Map<String, Location> locations) {

	public VehicleProfile {
		locations = Map.copyOf(locations);
	}

	/** Where the key (dotted, e.g. {@code headUnit.locales}) is written, or the start of the file. */
	public Location locationOf(String key) {
		return locations.getOrDefault(key, Location.startOf(file));
	}
}
