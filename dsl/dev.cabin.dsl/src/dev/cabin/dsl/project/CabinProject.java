package dev.cabin.dsl.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.cabin.vss.VssProblem;
import dev.cabin.vss.VssSources;
import dev.cabin.yaml.YamlException;
import dev.cabin.yaml.YamlNode;
import dev.cabin.yaml.YamlReader;

/**
 * A Cabin project file, {@code cabin.yaml}: the .cabin files in its folder and below use what it says: which VSS
 * catalogue they are checked against, and which folders outside the project they may import from (a source
 * imports only files of its project, see {@link dev.cabin.dsl.load.SourcePolicy}):
 * <pre>
 * vss:
 *   spec: vss/VehicleSignalSpecification.vspec   # optional: a VSS tree of your own instead of the default
 *   types: [vss/VehicleDataTypes.vspec]          # optional: struct types (default: beside the spec)
 *   units: vss/units.yaml                        # optional (default: beside the spec)
 *   include: [vss/include]                       # optional: more folders for #include
 *   overlays:                                    # optional: applied in order on top
 *     - vss/acme.vspec
 * imports: [../car-genius]                       # optional: folders outside the project that sources may import
 * </pre>
 * Paths are relative to the project file.
 *
 * @param file the project file, or {@code null} for sources outside any project (the default catalogue)
 * @param imports the folders outside the project whose .cabin files its sources may import
 */
public record CabinProject(Path file, VssSources vss, List<Path> imports, List<VssProblem> problems) {

	public static final String FILE_NAME = "cabin.yaml";

	private static final Set<String> VSS_KEYS = Set.of("spec", "types", "units", "include", "overlays");

	public CabinProject {
		imports = List.copyOf(imports);
		problems = List.copyOf(problems);
	}

	/** Sources outside any project: the default catalogue. */
	public static CabinProject none() {
		return new CabinProject(null, VssSources.defaultWith(List.of()), List.of(), List.of());
	}

	/** The nearest project file in a folder or one of its ancestors, or {@code null}. */
	public static Path find(Path folder) {
		for (Path current = folder.toAbsolutePath().normalize(); current != null; current = current.getParent()) {
			Path candidate = current.resolve(FILE_NAME);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/** Reads a project file; what is wrong in it becomes a problem, and what is right is still used. */
	public static CabinProject read(Path file) {
		List<VssProblem> problems = new ArrayList<>();
		VssSources vss = VssSources.defaultWith(List.of());
		List<Path> imports = List.of();
		Path folder = file.toAbsolutePath().normalize().getParent();
		for (YamlNode.Entry entry : settings(file, problems)) {
			if (entry.name().equals("imports")) {
				imports = folders(folder, entry.value().value(), file, entry.key().line(), problems);
			} else if (!entry.name().equals("vss")) {
				problems.add(new VssProblem(file, entry.key().line(), 1,
						"unknown setting \"" + entry.name() + "\" (known: vss, imports)"));
			} else if (entry.value().isMapping()) {
				vss = vssSources(file, entry, problems);
			} else if (entry.value().value() != null) {
				problems.add(new VssProblem(file, entry.key().line(), 1, "vss must be a mapping (spec, overlays, ...)"));
			}
		}
		return new CabinProject(file.toAbsolutePath().normalize(), vss, imports, problems);
	}

	private static List<YamlNode.Entry> settings(Path file, List<VssProblem> problems) {
		try {
			YamlNode root = YamlReader.read(file).orElse(null);
			if (root != null && !root.isMapping()) {
				problems.add(new VssProblem(file, root.line(), 1, "expected a mapping of settings"));
			}
			return root == null ? List.of() : root.entries();
		} catch (YamlException e) {
			problems.add(VssProblem.of(e));
			return List.of();
		}
	}

	private static VssSources vssSources(Path file, YamlNode.Entry entry, List<VssProblem> problems) {
		Map<String, Integer> lines = new LinkedHashMap<>();
		for (YamlNode.Entry setting : entry.value().entries()) {
			lines.putIfAbsent(setting.name(), setting.key().line());
			if (!VSS_KEYS.contains(setting.name())) {
				problems.add(new VssProblem(file, setting.key().line(), 1,
						"unknown vss setting \"" + setting.name() + "\" (known: spec, types, units, include, overlays)"));
			}
		}
		Map<?, ?> settings = (Map<?, ?>) entry.value().value();
		Path folder = file.toAbsolutePath().normalize().getParent();
		Function<String, List<Path>> files = setting -> files(folder, settings.get(setting), setting, file,
				lines.getOrDefault(setting, entry.key().line()), problems);
		List<Path> overlays = files.apply("overlays");
		List<Path> include = files.apply("include");
		List<Path> spec = files.apply("spec");
		if (spec.isEmpty()) {
			return new VssSources(null, List.of(), null, include, overlays);
		}
		VssSources standard = VssSources.standardLayout(spec.get(0), overlays);
		List<Path> types = settings.containsKey("types") ? files.apply("types") : standard.types();
		List<Path> units = settings.containsKey("units") ? files.apply("units")
				: standard.units() == null ? List.of() : List.of(standard.units());
		List<Path> includeDirectories = new ArrayList<>(standard.includeDirectories());
		includeDirectories.addAll(include);
		return new VssSources(spec.get(0), types, units.isEmpty() ? null : units.get(0), includeDirectories, overlays);
	}

	/* A setting that names one file or folder, or a list of them; each must exist. */
	private static List<Path> files(Path folder, Object value, String setting, Path file, int line,
			List<VssProblem> problems) {
		return paths(folder, value, Files::exists, "vss " + setting + ": no such file or folder ", file, line, problems);
	}

	/* The imports setting: one folder or a list of them. */
	private static List<Path> folders(Path folder, Object value, Path file, int line, List<VssProblem> problems) {
		return paths(folder, value, Files::isDirectory, "imports: no such folder ", file, line, problems);
	}

	private static List<Path> paths(Path folder, Object value, Predicate<Path> wanted, String missing, Path file,
			int line, List<VssProblem> problems) {
		List<Path> paths = new ArrayList<>();
		for (Object name : names(value)) {
			Path path = folder.resolve(String.valueOf(name)).normalize();
			if (wanted.test(path)) {
				paths.add(path);
			} else {
				problems.add(new VssProblem(file, line, 1, missing + name));
			}
		}
		return paths;
	}

	/* A setting's value: one name or a list of them. */
	private static List<?> names(Object value) {
		return value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
	}
}
