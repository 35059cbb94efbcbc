package dev.cabin.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import dev.cabin.compiler.service.Cancellation;
import dev.cabin.compiler.service.CompileService;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.PackageManifest;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.engine.pkg.SemanticVersion;
import dev.cabin.engine.pkg.VersionRange;
import dev.cabin.export.check.AgentRequirements;
import dev.cabin.export.check.AgentRequirements.Need;
import dev.cabin.export.check.ProfileCheck;
import dev.cabin.export.check.SourceLocations;
import dev.cabin.export.pkg.PackageWriter;
import dev.cabin.export.profile.Location;
import dev.cabin.export.profile.ProfileReader;
import dev.cabin.export.profile.VehicleProfile;

/**
 * Builds a signed car package from agent sources for a vehicle profile: reads the profile, loads and validates
 * the sources, checks the agents against the vehicle, compiles them (embedding every example), and packages
 * and signs the IR with a manifest of what the agents need. Stops at the first step with errors and returns
 * every problem found; nothing is written here, the caller writes the bytes. The same request gives the same
 * bytes.
 */
public final class CarExport {

	/** The steps {@link Progress#step} reports, for progress bars. */
	public static final int STEPS = 5;

	/** Told when each step starts, so that long exports show where they are. */
	public interface Progress {
		void step(String task);
	}

	/**
	 * @param sources the {@code .cabin} files
	 * @param agentIds the agents to package; empty for all agents of the sources
	 * @param profile the vehicle profile file
	 * @param version the build's semantic version
	 */
	public record Request(List<Path> sources, List<String> agentIds, Path profile, SigningKey key, String version) {

		public Request {
			sources = List.copyOf(sources);
			agentIds = List.copyOf(agentIds);
			SemanticVersion.parse(version);
		}
	}

	/**
	 * The package and its manifest, or the problems that stopped the export (warnings may come with a package).
	 *
	 * @param profile the vehicle profile, when it could be read
	 */
	public record Result(List<Problem> problems, VehicleProfile profile, PackageManifest manifest, byte[] bytes) {

		public Result {
			problems = List.copyOf(problems);
		}

		public boolean succeeded() {
			return bytes != null;
		}

		/** What was checked and found fitting, one line each, for people (empty unless it succeeded). */
		public List<String> passedChecks() {
			return succeeded() ? CheckSummary.lines(this) : List.of();
		}
	}

	/*
	 * Estimated resident memory of the engine for the agents: the runtime (a JVM, the engine,
	 * ONNX Runtime and the tokenizer), three times the files of each model it loads, and three times the IR's
	 * JSON. Calibrated on measured peak RSS; README.md ("Car builds") has the figures and the command.
	 */
	private static final long RUNTIME_BASELINE_BYTES = 150L << 20;
	private static final int MODEL_FACTOR = 3;
	private static final int IR_FACTOR = 3;

	private final CompileService compiler;

	public CarExport(CompileService compiler) {
		this.compiler = compiler;
	}

	public Result run(Request request, Progress progress) {
		return run(request, progress, Cancellation.NEVER);
	}

	/**
	 * @throws java.util.concurrent.CancellationException when cancelled (checked between the steps and while
	 *         compiling)
	 */
	public Result run(Request request, Progress progress, Cancellation cancellation) {
		List<Problem> problems = new ArrayList<>();
		progress.step("reading the vehicle profile " + request.profile());
		ProfileReader.Result profileResult = new ProfileReader().read(request.profile());
		problems.addAll(profileResult.problems());
		VehicleProfile profile = profileResult.profile();
		if (profile == null) {
			return new Result(problems, null, null, null);
		}
		progress.step("checking " + request.sources().size() + " source file" + (request.sources().size() == 1 ? "" : "s"));
		LoadResult loaded = compiler.load(request.sources());
		problems.addAll(loaded.problems());
		if (loaded.hasErrors()) {
			return new Result(problems, profile, null, null);
		}
		SourceLocations locations = new SourceLocations(request.sources());
		List<Agent> agents = selectAgents(loaded.files(), request, locations, problems);
		progress.step("checking the agents against the " + profile.model() + " (" + profile.market() + ")");
		List<AgentRequirements> requirements = agents.stream().map(a -> AgentRequirements.of(a, locations)).toList();
		problems.addAll(ProfileCheck.check(requirements, profile));
		if (hasErrors(problems)) {
			return new Result(problems, profile, null, null);
		}
		progress.step("compiling " + agents.size() + " agent" + (agents.size() == 1 ? "" : "s")
				+ " and embedding their examples");
		CabinIr compiled = compiler.compile(loaded, dev.cabin.engine.nlu.Progress.NONE, cancellation).ir();
		IrSelection ir = IrSelection.of(compiled, new LinkedHashSet<>(agents.stream().map(Agent::getName).toList()));
		byte[] irBytes = ir.bytes();
		List<PackageManifest.Model> models = models(ir);
		long memory = RUNTIME_BASELINE_BYTES + (long) IR_FACTOR * irBytes.length + MODEL_FACTOR
				* models.stream().mapToLong(m -> compiler.modelFiles().fingerprint(m.id()).bytes()).sum();
		checkBudget(memory, profile.headUnit().memoryMB(), profile, "headUnit.memoryMB",
				ExportIssues.MEMORY_OVER_BUDGET, "the agents need about %d MiB of memory (models included), more"
						+ " than the %d MiB budget of the %s", problems);
		progress.step("packaging and signing with key " + request.key().id());
		PackageManifest manifest = manifest(request, profile, ir, requirements, models, memory);
		byte[] bytes = PackageWriter.write(manifest, Map.of(PackageFormat.IR, irBytes), request.key().privateKey(),
				request.key().publicKey());
		checkBudget(bytes.length, profile.headUnit().storageMB(), profile, "headUnit.storageMB",
				ExportIssues.STORAGE_OVER_BUDGET, "the package takes %d MiB, more than the %d MiB storage budget of"
						+ " the %s", problems);
		if (hasErrors(problems)) {
			return new Result(problems, profile, null, null);
		}
		return new Result(problems, profile, selfCheck(bytes, request.key()), bytes);
	}

	/* The package must pass the checks a car makes; a failure here is a toolchain bug, not bad input. */
	private PackageManifest selfCheck(byte[] bytes, SigningKey key) {
		try {
			return new PackageVerifier(key.publicKey(), compiler.modelFiles()).verify(bytes).manifest();
		} catch (PackageRejectedException e) {
			throw new IllegalStateException("the toolchain made a package that a car would refuse: " + e.getMessage(), e);
		}
	}

	private static List<Agent> selectAgents(List<CabinFile> files, Request request, SourceLocations locations,
			List<Problem> problems) {
		List<Agent> all = files.stream().flatMap(f -> f.getAgents().stream()).toList();
		if (request.agentIds().isEmpty()) {
			return all;
		}
		List<Agent> selected = new ArrayList<>();
		for (String id : request.agentIds()) {
			all.stream().filter(a -> id.equals(a.getName())).findFirst().ifPresentOrElse(selected::add,
					() -> problems.add(new Location(request.sources().get(0), 1, 1, 0).error(
							ExportIssues.UNKNOWN_AGENT, "no agent \"" + id + "\" in the sources (they have "
									+ String.join(", ", all.stream().map(Agent::getName).toList()) + ")")));
		}
		return selected;
	}

	private static boolean hasErrors(List<Problem> problems) {
		return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
	}

	private static void checkBudget(long bytes, long budgetMiB, VehicleProfile profile, String key, String code,
			String message, List<Problem> problems) {
		long mib = (bytes + (1 << 20) - 1) >> 20;
		if (mib > budgetMiB) {
			problems.add(profile.locationOf(key).error(code, String.format(message, mib, budgetMiB,
					profile.model() + " (" + profile.market() + ")")));
		}
	}

	private List<PackageManifest.Model> models(IrSelection ir) {
		List<PackageManifest.Model> manifestModels = new ArrayList<>();
		ir.encoders().forEach((language, modelId) -> manifestModels.add(new PackageManifest.Model(language, modelId,
				compiler.modelFiles().fingerprint(modelId).sha256())));
		return manifestModels;
	}

	private static PackageManifest manifest(Request request, VehicleProfile profile, IrSelection ir,
			List<AgentRequirements> agents, List<PackageManifest.Model> models, long memory) {
		List<Need> generated = collect(agents, AgentRequirements::generated);
		Set<String> llmProfiles = new TreeSet<>();
		agents.forEach(a -> llmProfiles.addAll(a.llmProfiles()));
		return new PackageManifest(PackageFormat.FORMAT, request.version(), ir.agentIds(),
				new PackageManifest.Target(profile.id(), profile.model(), profile.market()),
				new PackageManifest.EngineRequirement(ir.formatVersion(), VersionRange
						.compatibleWith(SemanticVersion.parse(PackageFormat.ENGINE_VERSION)).toString()),
				new PackageManifest.Requirements(subjects(collect(agents, AgentRequirements::capabilities)),
						subjects(collect(agents, AgentRequirements::locales)), memory),
				new PackageManifest.Signals(subjects(collect(agents, AgentRequirements::signalsRead)),
						subjects(collect(agents, AgentRequirements::actuated))),
				new PackageManifest.LlmRequirement(!generated.isEmpty(),
						generated.stream().anyMatch(n -> n.subject().equals("required")), List.copyOf(llmProfiles)),
				models, new PackageManifest.Build(PackageFormat.ENGINE_VERSION, sourceHashes(request.sources()),
						profile.sha256()),
				List.of());
	}

	private static List<Need> collect(List<AgentRequirements> agents, Function<AgentRequirements, List<Need>> needs) {
		return agents.stream().flatMap(a -> needs.apply(a).stream()).toList();
	}

	private static List<String> subjects(List<Need> needs) {
		return List.copyOf(new TreeSet<>(needs.stream().map(Need::subject).toList()));
	}

	/** Each source by its path below the sources' common folder, so that the checkout's location does not matter. */
	private static Map<String, String> sourceHashes(List<Path> files) {
		List<Path> absolute = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
		Path common = absolute.get(0).getParent();
		for (Path file : absolute) {
			while (!file.startsWith(common)) {
				common = common.getParent();
			}
		}
		Map<String, String> hashes = new TreeMap<>();
		for (Path file : absolute) {
			try {
				hashes.put(common.relativize(file).toString().replace('\\', '/'),
						PackageFormat.sha256(Files.readAllBytes(file)));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return hashes;
	}
}
