package dev.cabin.export.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.VersionRange;
import dev.cabin.export.ExportIssues;
import dev.cabin.vss.NodeType;
import dev.cabin.vss.VssLoadResult;
import dev.cabin.vss.VssLoader;
import dev.cabin.vss.VssNode;
import dev.cabin.vss.VssProblem;
import dev.cabin.vss.VssSources;
import dev.cabin.yaml.YamlNode;

/**
 * Reads a vehicle profile (YAML or JSON), reporting every problem at once with its line and column: unknown keys
 * (with the closest known one), missing fields, values of the wrong kind, and the problems of the VSS tree and
 * overlays it names (read by {@link VssLoader}, as a project's catalogue is).
 */
public final class ProfileReader {

	/** The profile format version this reader understands. */
	public static final int FORMAT = 1;

	private static final Set<String> ROOT_KEYS = Set.of("format", "id", "vehicle", "headUnit", "signals");
	private static final Set<String> VEHICLE_KEYS = Set.of("model", "market", "year");
	private static final Set<String> HEAD_UNIT_KEYS = Set.of("display", "touchscreen", "gazeTracker",
			"gestureCamera", "driverMonitoring", "microphoneZones", "locales", "memoryMB", "storageMB", "engine",
			"llm");
	private static final Set<String> SIGNAL_KEYS = Set.of("tree", "overlays", "sensors", "actuators", "attributes");
	private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}-[A-Z]{2}");
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	/** A profile, or {@code null} with the problems that kept it from being read. */
	public record Result(VehicleProfile profile, List<Problem> problems) {

		public Result {
			problems = List.copyOf(problems);
		}
	}

	public Result read(Path file) {
		List<Problem> problems = new ArrayList<>();
		YamlNode root = YamlMap.read(file, problems, ExportIssues.PROFILE_SYNTAX);
		YamlMap profile = root == null ? null : YamlMap.of(file, root, "", problems, ROOT_KEYS);
		if (profile == null) {
			return new Result(null, problems);
		}
		Map<String, Location> locations = new HashMap<>();
		checkFormat(profile);
		String id = profile.text("id", true, "aurora-s-eu");
		if (id != null && !ID.matcher(id).matches()) {
			profile.bad(profile.value("id"), "the profile id \"" + id
					+ "\" must be letters, digits, dots, dashes or underscores");
		}
		YamlMap vehicle = profile.map("vehicle", true, VEHICLE_KEYS);
		String model = vehicle == null ? null : vehicle.text("model", true, "Aurora S");
		String market = vehicle == null ? null : vehicle.text("market", true, "EU");
		if (vehicle != null) {
			vehicle.text("year", false, "2027");
		}
		HeadUnit headUnit = headUnit(profile.map("headUnit", true, HEAD_UNIT_KEYS), locations);
		List<Path> files = new ArrayList<>(List.of(file));
		VehicleSignals signals = signals(file, profile.map("signals", true, SIGNAL_KEYS), files, problems, locations);
		String sha256 = problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR) ? null
				: sha256(files, problems);
		if (sha256 == null) {
			return new Result(null, problems);
		}
		return new Result(new VehicleProfile(file, sha256, id, model, market, headUnit, signals, locations),
				problems);
	}

	/*
	 * The profile and the VSS files it names, so that a changed tree or overlay shows in the packages' manifests;
	 * null after reporting a file that cannot be read again.
	 */
	private static String sha256(List<Path> files, List<Problem> problems) {
		List<String> hashes = new ArrayList<>();
		for (Path file : files) {
			try {
				hashes.add(PackageFormat.sha256(Files.readAllBytes(file)));
			} catch (IOException e) {
				problems.add(Location.startOf(file).error(ExportIssues.PROFILE_SIGNAL_FILE,
						"cannot read the file: " + e.getMessage()));
				return null;
			}
		}
		return hashes.size() == 1 ? hashes.get(0)
				: PackageFormat.sha256(String.join("\n", hashes).getBytes(StandardCharsets.US_ASCII));
	}

	private static void checkFormat(YamlMap profile) {
		String format = profile.text("format", true, String.valueOf(FORMAT));
		if (format != null && !format.equals(String.valueOf(FORMAT))) {
			profile.bad(profile.value("format"), "profile format " + format + " is not known to this toolchain (it"
					+ " reads format " + FORMAT + ")");
		}
	}

	private static HeadUnit headUnit(YamlMap unit, Map<String, Location> locations) {
		if (unit == null) {
			return null;
		}
		for (String key : HEAD_UNIT_KEYS) {
			locations.put("headUnit." + key, unit.location(key));
		}
		List<String> locales = unit.texts("locales", true, "[en-US, zh-CN]");
		for (String locale : locales) {
			if (!LOCALE.matcher(locale).matches()) {
				unit.bad(unit.value("locales"), "\"" + locale + "\" is not a locale like en-US or zh-CN");
			}
		}
		VersionRange engine = null;
		String range = unit.text("engine", true, "\">=0.1.0 <0.2.0\"");
		if (range != null) {
			try {
				engine = VersionRange.parse(range);
			} catch (IllegalArgumentException e) {
				unit.bad(unit.value("engine"), e.getMessage());
			}
		}
		String llm = unit.keys().contains("llm") ? unit.text("llm", false, "none") : "none";
		if (llm != null && !HeadUnit.LLM_KINDS.contains(llm)) {
			unit.bad(unit.value("llm"), "\"headUnit.llm\" is one of " + String.join(", ", HeadUnit.LLM_KINDS));
		}
		return new HeadUnit(unit.flag("display", true), unit.flag("touchscreen", false),
				unit.flag("gazeTracker", false), unit.flag("gestureCamera", false),
				unit.flag("driverMonitoring", false), unit.texts("microphoneZones", true, "[driver, passenger]"),
				locales, unit.positive("memoryMB", true, "512"), unit.positive("storageMB", true, "64"), engine,
				llm);
	}

	private static VehicleSignals signals(Path profileFile, YamlMap signals, List<Path> files, List<Problem> problems,
			Map<String, Location> locations) {
		if (signals == null) {
			return null;
		}
		locations.put("signals", signals.location("tree"));
		Map<String, NodeType> nodes = new LinkedHashMap<>();
		Path base = profileFile.toAbsolutePath().getParent();
		String tree = signals.text("tree", false, "vss/vehicle.json");
		List<Path> overlays = signals.texts("overlays", false, "[vss/market-overlay.vspec]").stream()
				.map(base::resolve).toList();
		if (tree != null) {
			VssLoadResult loaded = VssLoader.load(VssSources.standardLayout(base.resolve(tree), overlays));
			for (VssProblem problem : loaded.problems()) {
				problems.add(new Location(problem.file(), problem.line(), problem.column(), 0)
						.error(ExportIssues.PROFILE_SIGNAL_FILE, problem.message()));
			}
			for (VssNode node : loaded.catalogue().nodes()) {
				nodes.put(node.path(), node.type());
			}
			files.addAll(loaded.files());
		} else if (!overlays.isEmpty()) {
			problems.add(signals.location("overlays").error(ExportIssues.PROFILE_MISSING_FIELD, "overlays apply on"
					+ " a VSS tree: name it with tree: FILE"));
		}
		for (NodeType type : List.of(NodeType.SENSOR, NodeType.ACTUATOR, NodeType.ATTRIBUTE)) {
			for (String path : signals.texts(type.label() + "s", false, "[Vehicle.Speed]")) {
				nodes.put(path, type);
			}
		}
		if (tree == null && nodes.isEmpty()) {
			problems.add(signals.location("tree").error(ExportIssues.PROFILE_MISSING_FIELD, "\"signals\" names no"
					+ " signal: give a VSS tree (tree: FILE), or lists of sensors and actuators"));
		}
		return new VehicleSignals(nodes);
	}
}
