package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
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
 * Who may use a {@code cabin web} server: only who has the token, and never a page of another site; and how the
 * page reaches who may: its script kept by the browser for good (its name changes with its content), the page
 * checked on each visit (an unchanged one costs a 304), the script gzipped for a browser that accepts it.
 */
class WebAccessTest {

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
	void theUrlItPrintsIsOnTheLoopbackAddressWithALongRandomToken() {
		assertEquals("127.0.0.1", server.url().getHost());
		assertTrue(client.token.length() >= 40, client.token);
	}

	@Test
	void withoutTheTokenEveryRequestIsRefused() throws Exception {
		for (String path : new String[] { "/", "/api/tree", "/api/file?path=agent.cabin", "/app.js" }) {
			HttpResponse<String> response = client.send(client.request(path).GET());
			assertEquals(401, response.statusCode(), path);
			assertNoStackTrace(response.body());
		}
		assertEquals(401, client.send(client.request("/?token=" + client.token.substring(1)).GET()).statusCode());
	}

	@Test
	void theTokenInTheUrlBecomesACookieAndLeavesTheAddressBar() throws Exception {
		HttpResponse<String> response = client.send(client.request("/api/tree?token=" + client.token).GET());

		assertEquals(303, response.statusCode());
		assertEquals("/api/tree", response.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", ""));
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		assertTrue(cookie.startsWith("cabin-token-" + server.port() + "=" + client.token + ";"), cookie);
		assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
		HttpResponse<String> withCookie = client.send(client.request("/api/tree")
				.header("Cookie", "cabin-token-" + server.port() + "=" + client.token).GET());
		assertEquals(200, withCookie.statusCode());
		assertTrue(withCookie.body().contains("agent.cabin"), withCookie.body());
	}

	@Test
	void aWebSocketHandshakeNeedsTheToken() {
		WebClient.Refused refused = assertThrows(WebClient.Refused.class,
				() -> client.connect("/lsp", "Origin", client.origin));

		assertEquals(401, refused.status);
	}

	@Test
	void aWebSocketHandshakeFromAPageOfAnotherSiteIsRefused() {
		WebClient.Refused refused = assertThrows(WebClient.Refused.class, () -> client.connect("/lsp",
				"Authorization", "Bearer " + client.token, "Origin", "http://attacker.example"));

		assertEquals(403, refused.status);
	}

	@Test
	void aChangeSentByAPageOfAnotherSiteIsRefusedAndChangesNothing() throws Exception {
		HttpResponse<String> response = client.send(client.request("/api/file?path=agent.cabin")
				.header("Authorization", "Bearer " + client.token).header("Origin", "http://attacker.example")
				.DELETE());

		assertEquals(403, response.statusCode());
		assertTrue(Files.exists(workspace.resolve("agent.cabin")));
	}

	@Test
	void aRequestTheServerCannotReadIsAnsweredWithoutAStackTrace() throws Exception {
		HttpResponse<String> malformed = client.get("/api/file?path=%C3%28");
		HttpResponse<String> unknown = client.get("/api/nothing");
		HttpResponse<String> tooLargeHeader = client.send(client.authorized("/api/tree")
				.header("X-Padding", "x".repeat(20_000)).GET());

		assertEquals(400, malformed.statusCode());
		assertEquals(404, unknown.statusCode());
		assertEquals(431, tooLargeHeader.statusCode());
		for (HttpResponse<String> response : java.util.List.of(malformed, unknown, tooLargeHeader)) {
			assertNoStackTrace(response.body());
		}
	}

	@Test
	void thePageIsServedFromTheJar() throws Exception {
		HttpResponse<String> page = client.send(client.authorized("/").GET());

		assertEquals(200, page.statusCode());
		assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
		assertTrue(page.body().contains("Cabin Studio"), page.body());
		assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
		HttpResponse<String> script = client.send(client.authorized("/app.js").GET());
		assertEquals(200, script.statusCode());
		assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
		assertEquals(404, client.send(client.authorized("/nothing.js").GET()).statusCode());
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
	void theDiagramAndPanelsScriptThePageNamesIsKeptForGoodWithItsStyles() throws Exception {
		String page = client.get("/").body();
		Matcher panels = Pattern.compile("<meta name=\"cabin-panels\" content=\"([^\"]+)\"").matcher(page);
		Matcher styles = Pattern.compile("<link rel=\"stylesheet\" href=\"(panels-[^\"]+)\"").matcher(page);
		assertTrue(panels.find() && styles.find(), page);

		HttpResponse<String> script = client.get("/" + panels.group(1));

		assertTrue(panels.group(1).matches("panels-[A-Z0-9]+\\.js"), panels.group(1));
		assertTrue(styles.group(1).matches("panels-[A-Z0-9]+\\.css"), styles.group(1));
		assertEquals(200, script.statusCode());
		assertTrue(script.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
		assertTrue(script.body().contains("cabinPanels"), "the script defines what the page starts");
		assertEquals(200, client.get("/" + styles.group(1)).statusCode());
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
		assertTrue(compressed.body().length < client.get("/" + script).body().length() / 2);
	}

	private static String scriptOf(String page) {
		Matcher script = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page);
		assertTrue(script.find(), page);
		return script.group(1);
	}

	static void assertNoStackTrace(String body) {
		assertFalse(body.matches("(?s).*\\bat [a-z]+\\.[a-z].*\\(.*") || body.contains("Exception"), body);
	}

	static HttpRequest.BodyPublisher text(String text) {
		return HttpRequest.BodyPublishers.ofString(text);
	}
}
