package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.cabin.engine.pkg.PackageManifest;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.export.SigningKey;
import dev.cabin.web.WebServer;

/**
 * {@code /api/export}: the Export panel's car build of car-genius for the Aurora S (CN), signed with the key the
 * server holds, downloaded as a package a car accepts with the matching public key; refusals.
 */
class ExportApiTest {

	private static final String AGENT = "car-genius/car-genius.cabin";
	private static final String PROFILE = "profiles/aurora-s-cn.yaml";
	private static final SigningKey KEY = SigningKey.generate();

	@TempDir
	static Path workspace;
	private static WebServer server;
	private static WebServer keyless;
	private static WebClient client;

	@BeforeAll
	static void startTheServers() throws Exception {
		ExampleWorkspace.of(workspace, "car-genius", "profiles");
		Files.writeString(workspace.resolve("broken.cabin"), "agent Broken {\n\tintent Hello {\n\t\texamples en-US \"hi\"\n}\n");
		server = WebServer.start(workspace, "127.0.0.1", 0, TestServers.COMPILER, KEY);
		keyless = TestServers.start(workspace);
		client = new WebClient(server);
	}

	@AfterAll
	static void stopTheServers() throws Exception {
		server.close();
		keyless.close();
	}

	private static HttpResponse<String> build(WebClient to, String query) throws Exception {
		return to.send(to.authorized("/api/export/build?" + query).timeout(WebClient.LONG_WORK)
				.POST(HttpRequest.BodyPublishers.noBody()));
	}

	@Test
	void theOptionsNameTheProfilesAndTheKeysIdNeverTheKey() throws Exception {
		HttpResponse<String> options = client.get("/api/export/options");

		assertEquals(200, options.statusCode());
		JsonObject body = JsonParser.parseString(options.body()).getAsJsonObject();
		assertTrue(body.getAsJsonArray("profiles").toString().contains(PROFILE), body.toString());
		assertEquals(KEY.id(), body.getAsJsonObject("key").get("id").getAsString());
		assertFalse(options.body().contains("PRIVATE"), options.body());
	}

	@Test
	void aBuildIsCheckedSignedAndDownloadedAsAPackageACarAccepts() throws Exception {
		HttpResponse<String> built = build(client, "agent=" + AGENT + "&profile=" + PROFILE + "&version=1.2.3");

		assertEquals(200, built.statusCode(), built.body());
		JsonObject answer = JsonParser.parseString(built.body()).getAsJsonObject();
		assertTrue(answer.get("succeeded").getAsBoolean(), answer.toString());
		assertFalse(answer.getAsJsonArray("passed").isEmpty(), answer.toString());
		assertEquals(5, answer.getAsJsonArray("steps").size(), answer.toString());
		HttpResponse<byte[]> download = client.http.send(
				client.authorized("/api/export/download?id=" + answer.get("download").getAsInt()).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertEquals(200, download.statusCode());
		assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
				.contains("attachment; filename=\"CarGenius-1.2.3.cabinpkg\""), download.headers().toString());

		PackageManifest manifest = new PackageVerifier(KEY.publicKey(), TestServers.COMPILER.modelFiles())
				.verify(download.body()).manifest();
		assertEquals("1.2.3", manifest.version());
		assertEquals(List.of("CarGenius"), manifest.agents());
		assertEquals("aurora-s-cn", manifest.target().profile());
		assertThrows(PackageRejectedException.class, () -> new PackageVerifier(SigningKey.generate().publicKey(),
				TestServers.COMPILER.modelFiles()).verify(download.body()));
	}

	@Test
	void badInputIsRefusedWithASentenceNeverAStackTrace() throws Exception {
		HttpResponse<String> badVersion = build(client, "agent=" + AGENT + "&profile=" + PROFILE + "&version=one");
		HttpResponse<String> outside = build(client, "agent=" + AGENT + "&profile=../pom.xml");
		HttpResponse<String> missing = build(client, "agent=" + AGENT + "&profile=profiles/none.yaml");
		HttpResponse<String> noKey = build(new WebClient(keyless), "agent=" + AGENT + "&profile=" + PROFILE);
		HttpResponse<String> unknownPackage = client.get("/api/export/download?id=999");

		assertEquals(400, badVersion.statusCode());
		assertTrue(badVersion.body().contains("version") && badVersion.body().contains("not a semantic version"),
				badVersion.body());
		assertEquals(403, outside.statusCode());
		assertEquals(404, missing.statusCode());
		assertEquals(409, noKey.statusCode());
		assertTrue(noKey.body().contains("--key"), noKey.body());
		assertEquals(404, unknownPackage.statusCode());
		for (HttpResponse<String> refused : List.of(badVersion, outside, missing, noKey, unknownPackage)) {
			assertTrue(refused.body().startsWith("{\"error\":"), refused.body());
			assertFalse(refused.body().contains("Exception"), refused.body());
		}
	}

	@Test
	void anAgentWithErrorsGetsItsProblemsWithLocationsAndNoPackage() throws Exception {
		HttpResponse<String> built = build(client, "agent=broken.cabin&profile=" + PROFILE);

		assertEquals(200, built.statusCode(), built.body());
		JsonObject answer = JsonParser.parseString(built.body()).getAsJsonObject();
		assertFalse(answer.get("succeeded").getAsBoolean(), answer.toString());
		assertFalse(answer.has("download"), answer.toString());
		List<String> errors = answer.getAsJsonArray("problems").asList().stream().map(JsonElement::getAsString)
				.filter(problem -> problem.contains(": error: ")).toList();
		assertFalse(errors.isEmpty(), answer.toString());
		assertTrue(errors.get(0).matches("broken\\.cabin:\\d+:\\d+: error: .+"), errors.get(0));
	}

	@Test
	void withoutTheTokenOrFromAnotherSiteNothingIsBuiltOrDownloaded() throws Exception {
		String query = "/api/export/build?agent=" + AGENT + "&profile=" + PROFILE;
		HttpResponse<String> noToken = client.send(client.request(query).POST(HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> foreign = client.send(client.request(query).header("Authorization", "Bearer " + client.token)
				.header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> download = client.send(client.request("/api/export/download?id=1").GET());
		HttpResponse<String> options = client.send(client.request("/api/export/options").GET());

		assertEquals(401, noToken.statusCode());
		assertEquals(403, foreign.statusCode());
		assertEquals(401, download.statusCode());
		assertEquals(401, options.statusCode());
	}
}
