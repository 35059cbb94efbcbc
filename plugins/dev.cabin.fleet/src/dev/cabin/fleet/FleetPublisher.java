package dev.cabin.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cabin.engine.pkg.PackageManifest;

/**
 * Puts a verified car package on hawkBit: the Cabin software-module and distribution-set types (created once), a
 * software module named after the package's agents with the package's version, the package as its artifact
 * (uploaded with its MD5 and SHA-1 for hawkBit to check, and hawkBit's SHA-256 compared with ours), and a
 * distribution set of that module, which assignments and rollouts deploy.
 */
public final class FleetPublisher {

	/** The software-module type of Cabin builds: one build per car at a time. */
	public static final String MODULE_TYPE = "cabin-build";
	/** The distribution-set type: exactly one Cabin build. */
	public static final String SET_TYPE = "cabin";

	/** What was created: the ids a rollout or an assignment needs. */
	public record Published(String name, String version, long moduleId, long distributionSetId) {
	}

	private final ManagementApi api;

	public FleetPublisher(ManagementApi api) {
		this.api = api;
	}

	public Published publish(Path packageFile, PackageManifest manifest) throws HawkbitException {
		long moduleType = ensureModuleType();
		ensureSetType(moduleType);
		String name = String.join("+", manifest.agents());
		String version = manifest.version();
		Map<String, Object> module = new LinkedHashMap<>();
		module.put("name", name);
		module.put("version", version);
		module.put("type", MODULE_TYPE);
		module.put("vendor", "Cabin Studio");
		module.put("description", "Cabin build for vehicle profile " + manifest.target().profile());
		long moduleId = api.post("/rest/v1/softwaremodules", List.of(module)).get(0).path("id").asLong();
		upload(moduleId, packageFile);
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("name", name);
		set.put("version", version);
		set.put("type", SET_TYPE);
		set.put("description", "Cabin build for vehicle profile " + manifest.target().profile());
		set.put("modules", List.of(Map.of("id", moduleId)));
		long setId = api.post("/rest/v1/distributionsets", List.of(set)).get(0).path("id").asLong();
		return new Published(name, version, moduleId, setId);
	}

	private void upload(long moduleId, Path packageFile) throws HawkbitException {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("filename", packageFile.getFileName().toString());
		fields.put("md5sum", digest(packageFile, "MD5"));
		fields.put("sha1sum", digest(packageFile, "SHA-1"));
		JsonNode artifact = api.upload("/rest/v1/softwaremodules/" + moduleId + "/artifacts", packageFile, fields);
		String sha256 = digest(packageFile, "SHA-256");
		String theirs = artifact.path("hashes").path("sha256").asText("");
		if (!theirs.isEmpty() && !theirs.equalsIgnoreCase(sha256)) {
			throw new HawkbitException("hawkBit stored " + packageFile.getFileName() + " with SHA-256 " + theirs
					+ ", not " + sha256 + "; the upload was damaged");
		}
	}

	private long ensureModuleType() throws HawkbitException {
		JsonNode found = api.get("/rest/v1/softwaremoduletypes" + ManagementApi.query("key==" + MODULE_TYPE)).path("content");
		if (found.size() > 0) {
			return found.get(0).path("id").asLong();
		}
		return api.post("/rest/v1/softwaremoduletypes", List.of(Map.of("key", MODULE_TYPE, "name", "Cabin build",
				"description", "A signed Cabin car package (.cabinpkg)", "maxAssignments", 1))).get(0).path("id")
				.asLong();
	}

	private void ensureSetType(long moduleType) throws HawkbitException {
		if (api.get("/rest/v1/distributionsettypes" + ManagementApi.query("key==" + SET_TYPE)).path("content").size() > 0) {
			return;
		}
		api.post("/rest/v1/distributionsettypes", List.of(Map.of("key", SET_TYPE, "name", "Cabin build",
				"description", "One Cabin car package", "mandatorymodules", List.of(Map.of("id", moduleType)))));
	}

	private static String digest(Path file, String algorithm) throws HawkbitException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance(algorithm);
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (IOException e) {
			throw new HawkbitException("cannot read " + file + ": " + e.getMessage(), e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has " + algorithm, e);
		}
	}
}
