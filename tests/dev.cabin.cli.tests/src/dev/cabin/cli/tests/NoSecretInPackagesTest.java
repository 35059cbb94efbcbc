package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.testing.Repository;

/**
 * An API key that the toolchain can see (environment, properties files in the project, the working directory and
 * the home directory, system properties) ends up in no entry of a package.
 */
class NoSecretInPackagesTest {

	@TempDir
	Path dir;

	@Test
	void anApiKeyInTheEnvironmentAndThePreferencesIsInNoEntry() throws IOException, InterruptedException {
		String secret = "sk-cabin-" + UUID.randomUUID();
		String settings = "llm.provider=openai\nllm.model=gpt-4o-mini\nllm.apiKey=" + secret + "\napiKey=" + secret
				+ "\n";
		Path home = Files.createDirectories(dir.resolve("home/.cabin"));
		Files.writeString(home.resolve("cabin.properties"), settings);
		Files.writeString(home.resolve("llm.properties"), settings);
		Path project = Files.createDirectories(dir.resolve("project"));
		Files.writeString(project.resolve("cabin.properties"), settings);
		Files.writeString(project.resolve("llm.properties"), settings);
		Path source = Files.copy(Repository.carGenius(), project.resolve("car-genius.cabin"));
		Map<String, String> environment = Map.of("OPENAI_API_KEY", secret, "DASHSCOPE_API_KEY", secret,
				"ANTHROPIC_API_KEY", secret, "GEMINI_API_KEY", secret, "CABIN_LLM_API_KEY", secret);
		List<String> jvm = List.of("-Duser.home=" + dir.resolve("home"), "-Dcabin.llm.apiKey=" + secret);

		CabinProcess keygen = CabinProcess.run(project, environment, jvm, "keygen", "-o", "keys/signing");
		assertEquals(0, keygen.exitCode, keygen.toString());
		CabinProcess export = CabinProcess.run(project, environment, jvm, "export", source.toString(), "--profile",
				Repository.file("examples/profiles/aurora-s-cn.yaml").toString(), "--key", "keys/signing", "-o",
				"car.cabinpkg");
		assertEquals(0, export.exitCode, export.toString());

		byte[] pkg = Files.readAllBytes(project.resolve("car.cabinpkg"));
		List<byte[]> forms = List.of(secret.getBytes(StandardCharsets.UTF_8),
				Base64.getEncoder().encode(secret.getBytes(StandardCharsets.UTF_8)));
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(project.resolve("car.cabinpkg")))) {
			int entries = 0;
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				byte[] content = zip.readAllBytes();
				entries++;
				for (byte[] form : forms) {
					assertFalse(contains(content, form), entry.getName() + " contains the API key");
				}
			}
			assertEquals(3, entries);
		}
		for (byte[] form : forms) {
			assertFalse(contains(pkg, form), "the package file contains the API key");
		}
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
	}
}
