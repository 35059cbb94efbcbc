package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.web.WebServer;

/**
 * How the page's files reach a browser quickly: the script it names is kept by the browser for good (its name
 * changes with its content), the page is checked on each visit and costs nothing when unchanged, and a browser
 * that accepts gzip gets the script compressed.
 */
class PageCachingTest {

	@TempDir
	static Path workspace;
	private static WebServer server;
	private static WebClient client;

	@BeforeAll
	static void startTheServer() throws Exception {
		Files.writeString(workspace.resolve("agent.cabin"), "agent A {\n}\n");
		server = TestServers.start(workspace);
		client = new WebClient(server);
	}

	@AfterAll
	static void stopTheServer() throws Exception {
		server.close();
	}

	@Test
	void theScriptThePageNamesIsKeptForGoodAndIsTheScript() throws Exception {
		String script = scriptOf(client.get("/").body());

		HttpResponse<String> hashed = client.get("/" + script);
		HttpResponse<String> plain = client.get("/app.js");

		assertTrue(script.matches("app-[A-Z0-9]+\\.js"), script);
		assertEquals(200, hashed.statusCode());
		assertTrue(hashed.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
		assertEquals(plain.body(), hashed.body());
		assertEquals("no-cache", plain.headers().firstValue("Cache-Control").orElseThrow());
	}

	@Test
	void anUnchangedPageCostsA304() throws Exception {
		HttpResponse<String> first = client.get("/");
		String etag = first.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> again = client.send(client.authorized("/").header("If-None-Match", etag).GET());

		assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow());
		assertEquals(304, again.statusCode());
		assertEquals("", again.body());
	}

	@Test
	void aBrowserThatAcceptsGzipGetsTheScriptCompressed() throws Exception {
		String script = scriptOf(client.get("/").body());
		HttpResponse<byte[]> compressed = client.http.send(
				client.authorized("/" + script).header("Accept-Encoding", "gzip, deflate").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElseThrow());
		try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
			assertEquals(client.get("/" + script).body(), new String(unzipped.readAllBytes(), StandardCharsets.UTF_8));
		}
		assertTrue(compressed.body().length < client.get("/" + script).body().length / 2);
	}

	private static String scriptOf(String page) {
		Matcher script = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page);
		assertTrue(script.find(), page);
		return script.group(1);
	}
}
