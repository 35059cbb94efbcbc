package dev.cabin.web.tests;

import static dev.cabin.web.tests.WebAccessTest.assertNoStackTrace;
import static dev.cabin.web.tests.WebAccessTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.web.WebServer;

/** The workspace's files as the browser reads and changes them, and the paths it may not reach. */
class WorkspaceFilesApiTest {

	@TempDir
	static Path root;
	static Path workspace;
	static Path outside;
	private static WebServer server;
	private static WebClient client;

	@BeforeAll
	static void startTheServer() throws Exception {
		workspace = Files.createDirectories(root.resolve("workspace"));
		outside = Files.createDirectories(root.resolve("outside"));
		Files.writeString(outside.resolve("secret.cabin"), "the secret");
		Files.createDirectories(workspace.resolve("agents"));
		Files.writeString(workspace.resolve("agents/climate.cabin"), "agent Climate {\n}\n");
		Files.createDirectories(workspace.resolve(".git"));
		Files.writeString(workspace.resolve(".git/config"), "[core]");
		Files.createSymbolicLink(workspace.resolve("elsewhere"), outside);
		server = TestServers.start(workspace);
		client = new WebClient(server);
	}

	@AfterAll
	static void stopTheServer() throws Exception {
		server.close();
	}

	private static String query(String path) {
		return URLEncoder.encode(path, StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> save(String path, String etag, String text) throws Exception {
		var request = client.authorized("/api/file?path=" + query(path)).PUT(text(text));
		return client.send(etag == null ? request : request.header("If-Match", etag));
	}

	@Test
	void theTreeListsFoldersAndFilesButNotHiddenOnesNorLinksThatLeadOutside() throws Exception {
		HttpResponse<String> tree = client.get("/api/tree");

		assertEquals(200, tree.statusCode());
		assertTrue(tree.body().contains("{\"path\":\"agents\",\"folder\":true}"), tree.body());
		assertTrue(tree.body().contains("{\"path\":\"agents/climate.cabin\",\"folder\":false}"), tree.body());
		assertFalse(tree.body().contains(".git") || tree.body().contains("elsewhere"), tree.body());
	}

	@Test
	void aFileIsReadWithItsVersion() throws Exception {
		HttpResponse<String> file = client.get("/api/file?path=agents/climate.cabin");

		assertEquals(200, file.statusCode());
		assertEquals("agent Climate {\n}\n", file.body());
		assertTrue(file.headers().firstValue("ETag").orElseThrow().matches("\"[0-9a-f]{32}\""));
	}

	@Test
	void noPathLeadsOutOfTheWorkspace() throws Exception {
		for (String path : new String[] { "../outside/secret.cabin", "agents/../../outside/secret.cabin",
				outside.resolve("secret.cabin").toString(), "elsewhere/secret.cabin", "agents\\..\\..\\x",
				"./agents/climate.cabin", "agents//climate.cabin" }) {
			HttpResponse<String> read = client.get("/api/file?path=" + query(path));
			HttpResponse<String> created = client.send(client.authorized("/api/file?path=" + query(path)).POST(text("x")));

			assertEquals(403, read.statusCode(), path);
			assertEquals(403, created.statusCode(), path);
			assertTrue(read.body().startsWith("{\"error\":"), read.body());
			assertNoStackTrace(read.body());
		}
		assertEquals("the secret", Files.readString(outside.resolve("secret.cabin")));
	}

	@Test
	void aSaveOfAStaleVersionIsRefusedAndTheNewerTextIsKept() throws Exception {
		Files.writeString(workspace.resolve("shared.cabin"), "agent Shared {\n}\n");
		String opened = client.get("/api/file?path=shared.cabin").headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> first = save("shared.cabin", opened, "agent Shared { // first author\n}\n");
		HttpResponse<String> second = save("shared.cabin", opened, "agent Shared { // second author\n}\n");

		assertEquals(200, first.statusCode());
		assertEquals(409, second.statusCode());
		assertTrue(second.body().contains("changed by someone else"), second.body());
		assertEquals("agent Shared { // first author\n}\n", Files.readString(workspace.resolve("shared.cabin")));
		String newer = first.headers().firstValue("ETag").orElseThrow();
		assertEquals(200, save("shared.cabin", newer, "agent Shared { // second author, reloaded\n}\n").statusCode());
	}

	@Test
	void aSaveMustNameTheVersionItReplaces() throws Exception {
		Files.writeString(workspace.resolve("unnamed.cabin"), "agent U {\n}\n");

		assertEquals(428, save("unnamed.cabin", null, "lost?").statusCode());
		assertEquals("agent U {\n}\n", Files.readString(workspace.resolve("unnamed.cabin")));
	}

	@Test
	void filesAndFoldersAreCreatedRenamedAndDeleted() throws Exception {
		assertEquals(201, client.send(client.authorized("/api/folder?path=drafts").POST(text(""))).statusCode());
		assertEquals(201, client.send(client.authorized("/api/file?path=drafts/new.cabin").POST(text("agent N {\n}\n")))
				.statusCode());
		assertEquals(409, client.send(client.authorized("/api/file?path=drafts/new.cabin").POST(text("again")))
				.statusCode());
		assertEquals(200, client.send(client.authorized("/api/rename?from=drafts/new.cabin&to=drafts/renamed.cabin")
				.POST(text(""))).statusCode());
		assertEquals("agent N {\n}\n", Files.readString(workspace.resolve("drafts/renamed.cabin")));
		assertEquals(409, client.send(client.authorized("/api/file?path=drafts").DELETE()).statusCode());
		assertEquals(204, client.send(client.authorized("/api/file?path=drafts/renamed.cabin").DELETE()).statusCode());
		assertEquals(204, client.send(client.authorized("/api/file?path=drafts").DELETE()).statusCode());
		assertFalse(Files.exists(workspace.resolve("drafts")));
		assertEquals(404, client.get("/api/file?path=drafts/renamed.cabin").statusCode());
	}

	@Test
	void aRenameCannotMoveAFileOutOfTheWorkspace() throws Exception {
		Files.writeString(workspace.resolve("stays.cabin"), "agent S {\n}\n");

		HttpResponse<String> moved = client.send(client.authorized("/api/rename?from=stays.cabin&to=elsewhere/stays.cabin")
				.POST(text("")));

		assertEquals(403, moved.statusCode());
		assertTrue(Files.exists(workspace.resolve("stays.cabin")));
		assertFalse(Files.exists(outside.resolve("stays.cabin")));
	}
}
