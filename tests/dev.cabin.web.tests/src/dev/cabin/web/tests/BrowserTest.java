package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.export.SigningKey;
import dev.cabin.testing.Repository;
import dev.cabin.web.WebServer;

/**
 * The browser studio in Debian's Chromium, driven by {@code frontend/browser-test.mjs} (playwright-core, installed
 * by the web bundle's build; no browser is downloaded): an author opens the URL with its token, types an error
 * and sees it underlined and in the Problems panel, repairs it with the server's quick fix, reads the signal's
 * hover, completes a VSS path level by level, then says "open the sunroof" to the agent in the Simulator panel
 * and reads the reply and the turn's trace. In the flow diagram beside the editor, clicking a step selects its
 * source, moving the caret selects its node, "+ Say" adds a step through the text (Ctrl+Z in the editor takes it
 * back), dragging a step moves its source, two selected steps are deleted in one edit, and a turn's path is
 * highlighted. Then, on a second server (copies of cabin-comfort, car-genius and the
 * profiles, and a signing key): gazes at the sunroof on the cabin map and says "open that" (the turn's path is
 * highlighted in the diagram), saves the conversation as a test and replays it, runs a lab test, exports a car
 * package and downloads it. Screenshots go to the build's screenshot folder.
 */
class BrowserTest {

	private static final String FILE = "roof.cabin";

	private static final SigningKey KEY = SigningKey.generate();

	@TempDir
	static Path workspace;
	@TempDir
	static Path panelsWorkspace;
	@TempDir
	static Path downloads;
	private static WebServer server;
	private static WebServer panels;

	@BeforeAll
	static void startTheServers() throws Exception {
		Files.writeString(workspace.resolve(FILE), LspOverWebSocketTest.AGENT);
		server = TestServers.start(workspace);
		panels = WebServer.start(ExampleWorkspace.of(panelsWorkspace, "cabin-comfort", "car-genius", "profiles"),
				"127.0.0.1", 0, TestServers.COMPILER, KEY);
	}

	@AfterAll
	static void stopTheServers() throws Exception {
		server.close();
		panels.close();
	}

	@Test
	void anAuthorSeesATypedErrorRepairsItAndCompletesAVssPath() throws Exception {
		List<String> lines = LspOverWebSocketTest.AGENT.lines().toList();
		int line = 1 + lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("when Vehicle.Speed")).findFirst().orElseThrow());
		Path screenshots = Files.createDirectories(Path.of(System.getProperty("cabin.screenshots", "target/screenshots")));
		File output = Files.createTempFile("browser-test", ".log").toFile();
		Process browser = new ProcessBuilder("node", "browser-test.mjs", server.url().toString(), FILE,
				String.valueOf(line), screenshots.toString(), panels.url().toString(), downloads.toString())
				.directory(Repository.file("plugins/dev.cabin.web/frontend").toFile())
				.redirectErrorStream(true).redirectOutput(output).start();
		boolean ended = browser.waitFor(15, TimeUnit.MINUTES);
		if (!ended) {
			browser.destroyForcibly();
		}
		String said = Files.readString(output.toPath());
		System.out.println(said);

		assertTrue(ended, "the browser test did not end within 15 minutes:\n" + said);
		assertEquals(0, browser.exitValue(), said);
		assertTrue(said.contains("Problems says: " + FILE + ":" + line + ":"), said);
		assertTrue(said.contains("the quick fix \"Change to Vehicle.Speed\" repaired the path"), said);
		assertTrue(said.matches("(?s).*hover on Vehicle.Speed says: .*km/h.*"), said);
		assertTrue(said.contains("completion proposed Vehicle.Cabin.Sunroof.Position and inserted it"), said);
				assertTrue(said.contains("clicking a diagram node selected its source in the editor: say \"Opening.\""), said);
		assertTrue(said.contains("moving the caret to the end step selected its node in the diagram"), said);
		assertTrue(said.contains("the diagram edit \"+ Say\" became text and the diagram showed the new step"), said);
		assertTrue(said.contains("Ctrl+Z in the editor undid the diagram edit and the diagram followed"), said);
		assertTrue(said.contains("dragging the end step before the branch moved its source there"), said);
		assertTrue(said.contains("Ctrl+Z put the end step back"), said);
		assertTrue(said.contains("deleting two selected steps took both from the text"), said);
		assertTrue(said.contains("one Ctrl+Z brought both deleted steps back"), said);
		assertTrue(said.contains("the turn's path is highlighted on 2 diagram nodes"), said);
		assertTrue(said.contains("the simulator answered: Roof: Opening.; trace: Turn 1:"), said);

		// the Simulator, Lab and Export panels
		assertTrue(said.matches("(?s).*panels: gaze at the sunroof and \"open that\": CabinComfort: [^;]*sunroof[^;]*; "
				+ "trace: Turn 2: you: open that; turn path cabin-comfort/cabin-comfort.cabin: OpenRoof/\\d.*"), said);
		assertTrue(said.matches("(?s).*panels: the turn's path is highlighted on [1-9]\\d* nodes of the diagram.*"), said);
		assertTrue(said.matches("(?s).*panels: \\(saved as test \"roof by gaze in the browser\" in "
				+ "cabin-comfort/cabin-comfort.cabin, line \\d+[^\n]*; replayed: PASS roof by gaze in the browser .*"),
				said);
		assertTrue(Files.readString(panelsWorkspace.resolve("cabin-comfort/cabin-comfort.cabin"))
				.contains("test \"roof by gaze in the browser\""));
		assertTrue(said.matches("(?s).*panels: lab test: in-scope accuracy \\d+\\.\\d%; wrong intent acted on \\d+ of 128 "
				+ "\\(another intent, not asked first\\); false accepts per 1,000 \\d+\\.\\d "
				+ "\\(\\d+ of \\d,\\d{3} unrelated requests acted on; en-US \\d+\\.\\d, zh-CN \\d+\\.\\d\\); taken for "
				+ "[^;]*; report at api/lab/report\\?id=\\d+.*"), said);
		Path downloaded = downloads.resolve("CarGenius-1.0.0.cabinpkg");
		assertTrue(said.contains("panels: export downloaded CarGenius-1.0.0.cabinpkg"), said);
		assertEquals("1.0.0", new PackageVerifier(KEY.publicKey(), TestServers.COMPILER.modelFiles())
				.verify(Files.readAllBytes(downloaded)).manifest().version());
	}
}
