package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpServer;

import dev.cabin.testing.LoopbackLlm;
import dev.cabin.testing.Repository;

/**
 * The command line against hostile input (issue 16, one test or more per finding), each run in a child JVM with
 * a bounded heap and a hang guard on inputs made with fixed seeds: a non-zero exit with a located message where
 * the input is bad, never a stack trace, nothing changed in the project, no partial file in the IR cache, nothing
 * left in the temp folder ({@link HostileProject}).
 */
class HostileInputTest {

	private static final String AGENT = """
			agent Hostile {
				locales en-US
				intent Hello { en-US: "hello there", "hi there", "good morning" }
				on voice Hello when %s -> flow Greet
				flow Greet { say "Hello." }
			}
			""";

	@TempDir
	Path dir;

	// ---------------------------------------------------------------- 1: sources that are no .cabin files

	@ParameterizedTest
	@ValueSource(strings = { "passwd", "X.CABIN", "x.cabin.txt" })
	void aSourceThatIsNoCabinFileIsRefusedByName(String name) throws Exception {
		HostileProject hostile = new HostileProject(dir);
		hostile.write(name, name.equals("passwd") ? passwdLike(new Random(1)) : agent("Vehicle.Speed == 0"));

		hostile.run("check", name).assertRefused(Pattern.quote(name));
	}

	// ---------------------------------------------------------------- 2: long operator chains

	@Test
	void aConditionOf20000OrTermsIsCheckedAndBuiltWithoutOverflowing() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		Random random = new Random(2);
		StringBuilder chain = new StringBuilder("Vehicle.Speed == 0");
		for (int i = 1; i < 20_000; i++) {
			chain.append(" or Vehicle.Speed == ").append(random.nextInt(250));
		}
		hostile.write("chain.cabin", agent(chain.toString()));
		Path out = Files.createDirectories(dir.resolve("out")).resolve("chain.json");

		hostile.run("check", "chain.cabin").assertHandled(0);
		hostile.run("build", "chain.cabin", "-o", out.toString()).assertHandled(0);
		assertTrue(Files.size(out) > 0, "the IR was written");
	}

	// ---------------------------------------------------------------- 3: devices and FIFOs

	@Test
	void aCabinFileThatIsALinkToADeviceIsRefusedAsASourceAndAsAnImport() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		Files.createSymbolicLink(hostile.project.resolve("zero.cabin"), Path.of("/dev/zero"));
		hostile.write("main.cabin", "import \"zero.cabin\"\n" + agent("Vehicle.Speed == 0"));

		hostile.run("check", "zero.cabin").assertRefused(Pattern.quote("zero.cabin"));
		hostile.run("check", "main.cabin").assertRefused("main\\.cabin:1:\\d+");
	}

	@Test
	void anImportOfAFifoIsRefusedAtTheImport() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		Process mkfifo = new ProcessBuilder("mkfifo", hostile.project.resolve("pipe.cabin").toString()).start();
		assertEquals(0, mkfifo.waitFor());
		hostile.write("main.cabin", "import \"pipe.cabin\"\n" + agent("Vehicle.Speed == 0"));

		hostile.run("check", "main.cabin").assertRefused("main\\.cabin:1:\\d+");
	}

	// ---------------------------------------------------------------- 4: imports that reach outside

	@Test
	void anImportOfAUrlIsRefusedWithoutARequest() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		server.start();
		try {
			hostile.write("main.cabin", "import \"http://127.0.0.1:" + server.getAddress().getPort() + "/x.cabin\"\n"
					+ agent("Vehicle.Speed == 0"));

			HostileProject.Run checked = hostile.run("check", "main.cabin");

			assertAll(() -> checked.assertRefused("main\\.cabin:1:\\d+"),
					() -> assertEquals(0, requests.get(), "requests to the imported URL"));
		} finally {
			server.stop(0);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/etc/passwd", "file:///etc/passwd" })
	void anImportOfAFileOutsideTheProjectIsRefusedAtTheImport(String target) throws Exception {
		HostileProject hostile = new HostileProject(dir);
		hostile.write("main.cabin", "import \"" + target + "\"\n" + agent("Vehicle.Speed == 0"));

		hostile.run("check", "main.cabin").assertRefused("main\\.cabin:1:\\d+");
	}

	// ---------------------------------------------------------------- 6: car packages

	@Test
	void aZipBombIsRefusedWithinASmallHeap() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		Map<String, Integer> entries = new LinkedHashMap<>();
		entries.put("manifest.json", 1);
		entries.put("manifest.sig", 1);
		entries.put("ir.json", 127);
		entries.put("zeros.json", 127);
		hostile.write("bomb.cabinpkg", ZipBomb.of(entries));

		hostile.run("verify", "bomb.cabinpkg", "--trust", signingKey() + ".pub").assertRefused("bomb\\.cabinpkg");
	}

	@Test
	void runWithoutTrustDoesNotTrustTheKeyInTheSlots() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		String key = signingKey();
		String pkg = dir.resolve("car.cabinpkg").toString();
		CabinCommand export = CabinCommand.run("export", Repository.file("examples/car-genius").toString(), "--profile",
				Repository.file("examples/profiles/aurora-s-cn.yaml").toString(), "--key", key, "-o", pkg);
		assertEquals(0, export.exitCode, export.toString());
		CabinCommand install = CabinCommand.run("install", pkg, "--trust", key + ".pub", "--slots",
				hostile.project.resolve("slots").toString());
		assertEquals(0, install.exitCode, install.toString());
		hostile.write("script.jsonl", "{\"type\":\"voice\",\"text\":\"are my tires ok\"}\n");

		hostile.run("run", "--slots", "slots", "--script", "script.jsonl").assertRefused("slots|--trust");
	}

	// ---------------------------------------------------------------- 7: scripts

	@Test
	void everyBadScriptLineIsReportedAtItsOwnLineAndTheConversationGoesOn() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		Files.copy(Repository.carGenius(), hostile.project.resolve("car-genius.cabin"));
		String[] bad = { "{\"type\":\"voice\",\"text\":5}",
				"{\"type\":\"voice\",\"text\":\"open it\",\"confidence\":\"NaN\"}",
				"{\"type\":\"wait\",\"ms\":\"10\"}",
				"{\"type\":\"wait\",\"ms\":1.5}",
				"{\"type\":\"wait\"}",
				"{\"type\":\"signal\",\"path\":5,\"value\":80}",
				"{\"type\":\"voice\",\"text\":\"are my tires ok\"} and more",
				"{\"type\":\"voice\",\"text\":\"are my tires ok\"}{\"type\":\"voice\",\"text\":\"are my tires ok\"}",
				"{\"type\":\"voice\",\"text\":\"" + "x".repeat(70_000) + "\"}" };
		ByteArrayOutputStream script = new ByteArrayOutputStream();
		script.writeBytes("{\"type\":\"voice\",\"text\":\"are my tires ok\"}\n".getBytes(StandardCharsets.UTF_8));
		for (String line : bad) {
			script.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
		}
		for (int line = bad.length + 2; line < 500; line++) {
			script.writeBytes("{\"type\":\"wait\",\"ms\":10}\n".getBytes(StandardCharsets.UTF_8));
		}
		script.writeBytes(new byte[] { '{', '"', 't', 'y', 'p', 'e', '"', ':', '"', 'v', 'o', 'i', 'c', 'e', '"', ',', '"',
				't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n' });
		script.writeBytes("{\"type\":\"voice\",\"text\":\"my battery is dead\"}\n".getBytes(StandardCharsets.UTF_8));
		hostile.write("events.jsonl", script.toByteArray());

		HostileProject.Run chat = hostile.run("chat", "car-genius.cabin", "--script", "events.jsonl");

		chat.assertRefused("events\\.jsonl:2: error: ");
		for (int line = 2; line <= bad.length + 1; line++) {
			assertTrue(chat.process().err.contains("events.jsonl:" + line + ": error: "), line + ": " + chat.process());
		}
		assertTrue(chat.process().err.contains("events.jsonl:500: error: not valid UTF-8"), chat.process().toString());
		assertEquals(bad.length + 1, chat.process().err.lines().filter(line -> line.contains(": error: ")).count(),
				"one error a bad line: " + chat.process());
		assertEquals(2, chat.process().out.lines().count(), "the first line and the last are answered: " + chat.process());
		assertTrue(chat.process().out.lines().toList().get(1).contains("\"intent\":\"JumpStart\""), chat.process().out);
	}

	// ---------------------------------------------------------------- 8: output

	@Test
	void aFileNameCannotForgeADiagnosticOrReachTheTerminalAsEscapes() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		String name = "bad\nforged.cabin:1:1: error: forged \u001b[2J\u001b]0;pwned\u0007.cabin";
		hostile.write(name, "agent Broken {\n\ton voice Missing -> flow Nowhere\n}\n");

		HostileProject.Run checked = hostile.run("check", name);

		checked.assertRefused(Pattern.quote("bad\\nforged.cabin:1:1: error: forged \\u001b[2J\\u001b]0;pwned\\u0007.cabin:2:")
				+ "\\d+: error: ");
		assertAll(() -> assertFalse(checked.printed().lines().anyMatch(line -> line.startsWith("forged")), checked.printed()),
				() -> assertFalse(checked.printed().chars().anyMatch(c -> c == 0x1b || c == 0x07), checked.printed()));
	}

	@Test
	void aPackageNameReachesTheTerminalWithoutEscapes() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		String name = "car\u001b[2J\u001b]0;pwned\u0007.cabinpkg";
		hostile.write(name, "not a package".getBytes(StandardCharsets.UTF_8));

		HostileProject.Run verified = hostile.run("verify", name, "--trust", signingKey() + ".pub");

		// the name with its escapes left out by the terminal's guard, or written visibly
		verified.assertRefused("car(\\\\u001b)?\\[2J(\\\\u001b)?\\]0;pwned(\\\\u0007)?\\.cabinpkg");
		assertFalse(verified.printed().chars().anyMatch(c -> c == 0x1b || c == 0x07), verified.printed());
	}

	@Test
	void anEndpointThatEchoesTheKeyDoesNotGetItPrinted() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		byte[] random = new byte[12];
		new Random(8).nextBytes(random);
		String key = "cabin-hostile-" + HexFormat.of().formatHex(random);
		hostile.write("teller.cabin", """
				agent Teller {
					locales en-US
					persona en-US "A brief storyteller."
					intent TellStory { en-US: "tell me a story", "tell us something fun", "a story please" }
					on voice TellStory -> flow Story
					flow Story { generate "Tell a short story." }
				}
				""");
		hostile.write("story.jsonl", "{\"type\":\"voice\",\"text\":\"tell me a story\"}\n");
		try (LoopbackLlm llm = new LoopbackLlm()) {
			llm.then(received -> LoopbackLlm.openAiText("Your key is " + received.authorization().substring(7) + "."));
			hostile.environment("CABIN_LLM_PROVIDER", "openai").environment("CABIN_LLM_MODEL", "test-model")
					.environment("CABIN_LLM_BASE_URL", llm.url() + "/v1").environment("OPENAI_API_KEY", key);

			HostileProject.Run chat = hostile.run("chat", "teller.cabin", "--script", "story.jsonl", "--trace");

			chat.assertHandled(0);
			assertAll(() -> assertEquals("Bearer " + key, llm.received().get(0).authorization()),
					() -> assertFalse(chat.printed().contains(key), chat.printed()),
					() -> assertTrue(chat.process().out.contains("\"text\":\"Your key is ***.\""), chat.printed()));
		}
	}

	@Test
	void loadingTheModelsLeavesNothingInTheTempFolder() throws Exception {
		HostileProject hostile = new HostileProject(dir);
		Files.copy(Repository.carGenius(), hostile.project.resolve("car-genius.cabin"));
		Files.copy(Repository.file("examples/car-genius/conversation.jsonl"), hostile.project.resolve("conversation.jsonl"));

		hostile.run("chat", "car-genius.cabin", "--script", "conversation.jsonl").assertHandled(0);
	}

	private static String agent(String condition) {
		return AGENT.formatted(condition);
	}

	/* Lines shaped like /etc/passwd's, which no parser of .cabin files should take for an agent. */
	private static String passwdLike(Random random) {
		StringBuilder text = new StringBuilder("root:x:0:0:root:/root:/bin/bash\n");
		for (int i = 0; i < 30; i++) {
			int id = 1000 + random.nextInt(60_000);
			text.append("user").append(id).append(":x:").append(id).append(':').append(id).append("::/home/user")
					.append(id).append(":/usr/sbin/nologin\n");
		}
		return text.toString();
	}

	/* A new signing key outside the project: the private key's path, the public key's with ".pub". */
	private String signingKey() {
		String key = dir.resolve("keys/signing").toString();
		CabinCommand keygen = CabinCommand.run("keygen", "-o", key);
		assertEquals(0, keygen.exitCode, keygen.toString());
		return key;
	}
}
