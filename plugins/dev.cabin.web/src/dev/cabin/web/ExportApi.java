package dev.cabin.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import dev.cabin.compiler.service.CompileService;
import dev.cabin.engine.pkg.PackageManifest;
import dev.cabin.export.CarExport;
import dev.cabin.export.SigningKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Car builds under {@code /api/export}, as {@code cabin export} makes them, signed with the key the server was
 * started with ({@code cabin web --key FILE}); the private key never leaves the server, the browser sees its id:
 * <ul>
 * <li>{@code GET options}: the vehicle profiles of the workspace and the signing key's id (or why there is none)</li>
 * <li>{@code POST build?agent=A.cabin&profile=P.yaml&version=1.2.3}: checks the agents against the profile and
 * builds the package: the steps, the problems ({@code file:line:col: severity: message}), the checks passed, the
 * manifest and, when it succeeded, the id to download it with</li>
 * <li>{@code GET download?id=N}: the package, as a file to save</li>
 * </ul>
 * One build at a time; the last {@value #PACKAGES_KEPT} packages are kept for download.
 */
final class ExportApi extends ApiServlet {

	private static final long serialVersionUID = 1L;
	private static final int PACKAGES_KEPT = 4;
	private static final int MAX_PROFILES = 200;

	private record Built(String fileName, byte[] bytes) {
	}

	private final transient CompileService compiler;
	private final transient WorkspacePaths paths;
	private final transient SigningKey key;
	private final AtomicBoolean running = new AtomicBoolean();
	private final transient KeptResults<Built> packages = new KeptResults<>("car build", PACKAGES_KEPT);

	/** @param key the signing key, or {@code null}: then builds are refused, saying how to give one */
	ExportApi(CompileService compiler, WorkspacePaths paths, SigningKey key) {
		this.compiler = compiler;
		this.paths = paths;
		this.key = key;
	}

	@Override
	protected void handle(String operation, HttpServletRequest request, HttpServletResponse response)
			throws IOException, Refusal {
		switch (operation) {
		case "GET /options" -> ApiResponses.json(response, 200, Map.of("profiles", profiles(),
				"key", key == null ? Map.of("missing", noKey()) : Map.of("id", key.id())));
		case "POST /build" -> ApiResponses.json(response, 200, build(request));
		case "GET /download" -> download(packages.get(request.getParameter("id")), response);
		default -> throw noSuch(operation);
		}
	}

	private static String noKey() {
		return "the server has no signing key: start it with cabin web DIR --key FILE (make one with cabin keygen)";
	}

	/* Profiles are YAML or JSON files in a folder named profiles, or named *profile*; project files are not. */
	private List<String> profiles() throws IOException {
		try (Stream<Path> files = Files.walk(paths.root(), 6)) {
			return files.filter(Files::isRegularFile).map(paths::relative)
					.filter(path -> !path.startsWith(".") && !path.contains("/."))
					.filter(path -> path.matches("(?i).*\\.(ya?ml|json)"))
					.filter(path -> path.contains("profiles/") || path.toLowerCase(Locale.ROOT).contains("profile"))
					.sorted().limit(MAX_PROFILES).toList();
		}
	}

	private Map<String, Object> build(HttpServletRequest request) throws Refusal {
		if (key == null) {
			throw new Refusal(Refusal.CONFLICT, noKey());
		}
		String agentPath = request.getParameter("agent");
		String profilePath = request.getParameter("profile");
		String version = request.getParameter("version") == null || request.getParameter("version").isBlank()
				? "0.0.0" : request.getParameter("version").strip();
		if (agentPath == null || profilePath == null) {
			throw new Refusal(Refusal.BAD_REQUEST, "name the agent (?agent=FILE.cabin) and the profile (&profile=FILE)");
		}
		Path agent = existing(agentPath, "agent");
		Path profile = existing(profilePath, "profile");
		CarExport.Request build;
		try {
			build = new CarExport.Request(List.of(agent), List.of(), profile, key, version);
		} catch (IllegalArgumentException e) {
			throw new Refusal(Refusal.BAD_REQUEST, "\"version\": " + e.getMessage());
		}
		if (!running.compareAndSet(false, true)) {
			throw new Refusal(Refusal.CONFLICT, "a car build is running already; wait for it to finish");
		}
		List<String> steps = new ArrayList<>();
		CarExport.Result result;
		try {
			/* the steps name files as the browser does, not where the workspace is on the server */
			result = new CarExport(compiler).run(build, step -> steps.add(step.replace(paths.root() + "/", "")));
		} catch (UncheckedIOException e) {
			throw new Refusal(Refusal.BAD_REQUEST, e.getCause().getMessage());
		} finally {
			running.set(false);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("steps", steps);
		answer.put("problems", result.problems().stream().map(problem -> paths.located(problem, agentPath)).toList());
		answer.put("passed", result.passedChecks());
		answer.put("succeeded", result.succeeded());
		if (result.succeeded()) {
			PackageManifest manifest = result.manifest();
			String fileName = String.join("-", manifest.agents()) + "-" + manifest.version() + ".cabinpkg";
			answer.put("download", packages.keep(new Built(fileName, result.bytes())));
			answer.put("fileName", fileName);
			answer.put("bytes", result.bytes().length);
			answer.put("manifest", Map.of("version", manifest.version(), "agents", manifest.agents(), "profile",
					manifest.target().profile(), "model", manifest.target().model(), "market",
					manifest.target().market(), "signedBy", key.id()));
		}
		return answer;
	}

	private Path existing(String path, String what) throws Refusal {
		Path file = paths.resolve(path);
		if (!Files.isRegularFile(file)) {
			throw new Refusal(Refusal.NOT_FOUND, "\"" + what + "\": no file " + path + " in the workspace");
		}
		return file;
	}

	private static void download(Built built, HttpServletResponse response) throws IOException {
		response.setStatus(200);
		response.setContentType("application/octet-stream");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + built.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
		response.setContentLength(built.bytes().length);
		try (OutputStream out = response.getOutputStream()) {
			out.write(built.bytes());
		}
	}
}
