package dev.cabin.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.PackageLimits;
import dev.cabin.engine.pkg.PackageRejectedException;

/**
 * Packages whose manifest or IR is malformed, though signed by the trusted key (what a broken or compromised
 * build machine could sign), and manifests forged after signing: each refused with its reason, never a crash.
 */
class MalformedSignedPackageTest {

	private final byte[] good = Builds.carGenius("1.0.0");

	private static String refusal(byte[] bytes) {
		return assertThrows(PackageRejectedException.class, () -> Builds.verify(bytes)).getMessage();
	}

	@Test
	void aNullItemInTheManifestsEntriesIsRefused() {
		String refused = refusal(BadPackages.resigned(good, m -> ((ArrayNode) m.get("entries")).addNull(), e -> {
		}));

		assertTrue(refused.startsWith("manifest.json is not valid: Invalid `null` value encountered for property"
				+ " \"entries\" (line "), refused);
	}

	@Test
	void aNullItemInTheManifestsModelsIsRefused() {
		String refused = refusal(BadPackages.resigned(good, m -> ((ArrayNode) m.get("models")).addNull(), e -> {
		}));

		assertTrue(refused.startsWith("manifest.json is not valid: Invalid `null` value encountered for property"
				+ " \"models\" (line "), refused);
	}

	@Test
	void aMissingFieldIsRefused() {
		String refused = refusal(BadPackages.resigned(good, m -> m.remove("models"), e -> {
		}));

		assertTrue(refused.startsWith("manifest.json is not valid: Missing creator property 'models'"), refused);
		assertTrue(refused.contains("(line "), refused);
	}

	@Test
	void aValueOfAnotherTypeIsRefused() {
		String refused = refusal(BadPackages.resigned(good,
				m -> ((ObjectNode) m.get("entries").get(0)).put("size", "159528"), e -> {
				}));

		assertTrue(refused.startsWith("manifest.json is not valid: Cannot coerce String value"), refused);
	}

	@Test
	void anIrNested100000DeepIsRefusedWhereItGoesTooDeep() {
		byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
		int limit = PackageLimits.DEFAULT.maxIrDepth();

		String refused = refusal(BadPackages.withSignedEntry(good, PackageFormat.IR, deep));

		assertEquals("ir.json nests more than " + limit + " levels deep (line 1, column " + (limit + 1)
				+ "); a car reads at most " + limit, refused);
	}

	@Test
	void anIrThatNamesNoModelForItsEmbeddingsIsRefused() {
		String ir = new String(BadPackages.entries(good).get(PackageFormat.IR), StandardCharsets.UTF_8);
		String spoiled = ir.replace("\"modelId\" : \"bge-small-en-v15-q\",", "");
		assertNotEquals(ir, spoiled);

		String refused = refusal(BadPackages.withSignedEntry(good, PackageFormat.IR,
				spoiled.getBytes(StandardCharsets.UTF_8)));

		assertEquals("ir.json names no model for its \"en\" embeddings", refused);
	}

	@Test
	void aManifestForgedAfterSigningIsRefused() {
		Map<String, byte[]> entries = BadPackages.entries(good);
		String manifest = new String(entries.get(PackageFormat.MANIFEST), StandardCharsets.UTF_8);
		String forged = manifest.replace("\"version\" : \"1.0.0\"", "\"version\" : \"9.0.0\"");
		assertNotEquals(manifest, forged);
		entries.put(PackageFormat.MANIFEST, forged.getBytes(StandardCharsets.UTF_8));

		String refused = refusal(BadPackages.stored(entries));

		assertTrue(refused.startsWith("the signature does not match the manifest: manifest.json was changed after"
				+ " signing"), refused);
	}
}
