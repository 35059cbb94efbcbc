package dev.cabin.vss;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a VSS catalogue comes from: a root .vspec file (or none, for the default catalogue), struct type files,
 * a units file, include directories, and overlays applied on top in order.
 */
public record VssSources(Path spec, List<Path> types, Path units, List<Path> includeDirectories, List<Path> overlays) {

	public VssSources {
		types = List.copyOf(types);
		includeDirectories = List.copyOf(includeDirectories);
		overlays = List.copyOf(overlays);
	}

	/** The default catalogue with overlays on top. */
	public static VssSources defaultWith(List<Path> overlays) {
		return new VssSources(null, List.of(), null, List.of(), overlays);
	}

	/**
	 * A VSS tree laid out as COVESA publishes it: the root file, {@code VehicleDataTypes.vspec} and
	 * {@code units.yaml} beside it when they exist, includes resolved from the root's folder.
	 */
	public static VssSources standardLayout(Path spec, List<Path> overlays) {
		Path folder = spec.toAbsolutePath().getParent();
		List<Path> types = new ArrayList<>();
		if (Files.isRegularFile(folder.resolve("VehicleDataTypes.vspec"))) {
			types.add(folder.resolve("VehicleDataTypes.vspec"));
		}
		Path units = Files.isRegularFile(folder.resolve("units.yaml")) ? folder.resolve("units.yaml") : null;
		return new VssSources(spec, types, units, List.of(folder), overlays);
	}

	public boolean usesDefaultCatalogue() {
		return spec == null;
	}
}
