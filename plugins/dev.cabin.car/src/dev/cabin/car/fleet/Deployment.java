package dev.cabin.car.fleet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What a deploymentBase resource asks of the car: the action and the artifacts of its software modules. */
record Deployment(String actionId, List<Artifact> artifacts) {

	/** One file to download, with the size and SHA-256 that hawkBit computed when it was uploaded. */
	record Artifact(String filename, String moduleVersion, long size, String sha256, URI download) {
	}

	static Deployment of(JsonNode base) throws DdiException {
		String actionId = base.path("id").asText("");
		if (actionId.isEmpty()) {
			throw new DdiException("hawkBit's deployment names no action");
		}
		List<Artifact> artifacts = new ArrayList<>();
		for (JsonNode chunk : base.path("deployment").path("chunks")) {
			for (JsonNode artifact : chunk.path("artifacts")) {
				JsonNode links = artifact.path("_links");
				String href = links.path("download-http").path("href").asText(links.path("download").path("href")
						.asText(""));
				artifacts.add(new Artifact(artifact.path("filename").asText(""), chunk.path("version").asText(""),
						artifact.path("size").asLong(-1), artifact.path("hashes").path("sha256").asText(""),
						href.isEmpty() ? null : URI.create(href)));
			}
		}
		return new Deployment(actionId, artifacts);
	}
}
