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

import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.pkg.PackageFormat;
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
		byte[] deep = ("{\"formatVersion\":" + CabinIr.FORMAT_VERSION + ",\"agents\":" + "[".repeat(100_000)
				+ "]".repeat(100_000) + "}").getBytes(StandardCharsets.US_ASCII);
		int limit = IrCodec.MAX_DEPTH;

		String refused = refusal(BadPackages.withSignedEntry(good, PackageFormat.IR, deep));

		assertTrue(refused.startsWith("ir.json: corrupt Cabin IR: nested deeper than " + limit + " levels at line 1,"),
				refused);
	}

	@Test
	void anIrThatNamesNoModelForItsEmbeddingsIsRefused() {
		String ir = new String(BadPackages.entries(good).get(PackageFormat.IR), StandardCharsets.UTF_8);
		String spoiled = ir.replace("\"modelId\" : \"bge-small-en-v15-q\",", "");
		assertNotEquals(ir, spoiled);

		String refused = refusal(BadPackages.withSignedEntry(good, PackageFormat.IR,
				spoiled.getBytes(StandardCharsets.UTF_8)));

		assertTrue(refused.startsWith("ir.json: corrupt Cabin IR: encoders.en needs a modelId and a dimension"), refused);
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
