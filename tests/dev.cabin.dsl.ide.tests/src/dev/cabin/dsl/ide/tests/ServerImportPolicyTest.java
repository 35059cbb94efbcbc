package dev.cabin.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.cabin.dsl.ide.server.LspLimits;
import dev.cabin.testing.LoopbackLlm;

/**
 * The language server follows the same input policy as the command line: an import of a URL sends nothing
 * (not even a HEAD on open) and is an error at the import; a workspace holding a pipe or a link to a device
 * named like a source is indexed without opening them, and the server keeps answering.
 */
class ServerImportPolicyTest {

	private static final Duration HANG_GUARD = Duration.ofSeconds(120);
	private static final String AGENT = "agent Importer {\n\tlocales en-US\n}\n";

	@TempDir
	Path workspace;

	private final ServerLog log = new ServerLog();
	private RawLspConnection client;

	@AfterEach
	void stopTheServer() throws Exception {
		try {
			if (client != null) {
				client.close();
			}
			assertEquals(List.of(), log.entries(), "nothing is logged");
		} finally {
			log.close();
		}
	}

	private static JsonObject onlyDiagnostic(JsonArray diagnostics) {
		assertEquals(1, diagnostics.size(), diagnostics.toString());
		return diagnostics.get(0).getAsJsonObject();
	}

	@Test
	void anImportOfAUrlSendsNothingAndIsAnErrorAtTheImport() throws Exception {
		try (LoopbackLlm server = new LoopbackLlm()) {
			client = new RawLspConnection(workspace, LspLimits.DEFAULTS);
			client.initialize();

			String uri = client.open("agent.cabin", "import \"" + server.url() + "/x.cabin\"\n" + AGENT);

			JsonObject diagnostic = onlyDiagnostic(client.diagnostics(uri));
			assertEquals("dev.cabin.dsl.importNotAPath", diagnostic.get("code").getAsString(), diagnostic.toString());
			assertEquals(0, diagnostic.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
			assertEquals(1, diagnostic.get("severity").getAsInt(), "an error");
			assertEquals(List.of(), server.received(), "no request reached the server");
		}
	}

	@Test
	void aWorkspaceWithAPipeAndALinkToADeviceIsServedWithoutOpeningThem() throws Exception {
		assertEquals(0, new ProcessBuilder("mkfifo", workspace.resolve("pipe.cabin").toString()).start().waitFor());
		Files.createSymbolicLink(workspace.resolve("zero.cabin"), Path.of("/dev/zero"));

		assertTimeoutPreemptively(HANG_GUARD, () -> {
			client = new RawLspConnection(workspace, LspLimits.DEFAULTS);
			client.initialize();
			String uri = client.open("agent.cabin", "import \"pipe.cabin\"\nimport \"zero.cabin\"\n" + AGENT);

			JsonArray diagnostics = client.diagnostics(uri);
			assertEquals(2, diagnostics.size(), diagnostics.toString());
			for (int line = 0; line < 2; line++) {
				JsonObject diagnostic = diagnostics.get(line).getAsJsonObject();
				assertEquals("dev.cabin.dsl.notARegularFile", diagnostic.get("code").getAsString(), diagnostic.toString());
				assertEquals(line, diagnostic.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
			}
		});
	}
}
