package dev.cabin.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cabin.engine.pkg.CanonicalZip;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.PackageLimits;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.export.SigningKey;

/**
 * Every way the issue names to spoil a package is refused before anything in it is used, with a message that
 * says what is wrong.
 */
class PackageTamperingTest {

	private static final Set<String> STORED = Set.of(PackageFormat.MANIFEST, PackageFormat.SIGNATURE);

	private final byte[] good = Builds.carGenius("1.0.0");

	private static String refusal(byte[] bytes) {
		return refusal(new PackageVerifier(Builds.KEY.publicKey()), bytes);
	}

	private static String refusal(PackageVerifier verifier, byte[] bytes) {
		PackageRejectedException refused = assertThrows(PackageRejectedException.class, () -> verifier.verify(bytes));
		assertTrue(refused.getMessage() != null && refused.getMessage().length() > 20, refused::getMessage);
		return refused.getMessage();
	}

	private Map<String, byte[]> entries() throws PackageRejectedException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		CanonicalZip.read(good, PackageLimits.DEFAULT).forEach((name, entry) -> entries.put(name, entry.content()));
		return entries;
	}

	@Test
	void theUntouchedPackageVerifies() throws PackageRejectedException {
		assertEquals(List.of("CarGenius"), Builds.verify(good).manifest().agents());
	}

	@Test
	void aFlippedByteAnywhereInThePackageIsRefused() {
		int[] ir = ZipSurgery.dataOf(good, PackageFormat.IR);
		List<Integer> accepted = new ArrayList<>();
		for (int i = 0; i < good.length; i++) {
			// every byte of headers, manifest and signature; every 13th byte of the compressed IR
			if (i >= ir[0] && i < ir[1] && (i - ir[0]) % 13 != 0 && i != ir[1] - 1) {
				continue;
			}
			try {
				Builds.verify(Builds.flip(good, i));
				accepted.add(i);
			} catch (PackageRejectedException e) {
				// refused, as it must be
			}
		}
		assertEquals(List.of(), accepted, "packages with these bytes flipped were accepted");
	}

	@ParameterizedTest
	@ValueSource(strings = { "manifest.json", "manifest.sig", "ir.json" })
	void aFlippedByteInAnEntryIsRefusedNamingIt(String entry) {
		int[] data = ZipSurgery.dataOf(good, entry);
		for (int at : new int[] { data[0], (data[0] + data[1]) / 2, data[1] - 1 }) {
			assertTrue(refusal(Builds.flip(good, at)).contains(entry), () -> refusal(Builds.flip(good, at)));
		}
	}

	@Test
	void aTruncatedPackageIsRefused() {
		for (int length : new int[] { 0, 1, 21, 22, good.length / 2, good.length - 22, good.length - 1 }) {
			String refused = refusal(java.util.Arrays.copyOf(good, length));
			assertTrue(refused.contains("truncated") || refused.contains("not a Cabin package"), refused);
		}
	}

	@Test
	void anAddedEntryIsRefused() throws PackageRejectedException {
		Map<String, byte[]> entries = entries();
		entries.put("extra.json", "{\"debug\": true}".getBytes(StandardCharsets.UTF_8));

		String refused = refusal(CanonicalZip.write(entries, STORED));

		assertTrue(refused.contains("\"extra.json\" is not in the signed manifest"), refused);
	}

	@Test
	void aRenamedEntryIsRefused() throws PackageRejectedException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries().forEach((name, content) -> entries.put(name.equals(PackageFormat.IR) ? "agents.json" : name, content));

		String refused = refusal(CanonicalZip.write(entries, STORED));

		assertTrue(refused.contains("\"ir.json\" was renamed to \"agents.json\""), refused);
	}

	@Test
	void aRemovedEntryIsRefused() throws PackageRejectedException {
		Map<String, byte[]> entries = entries();
		entries.remove(PackageFormat.IR);

		assertTrue(refusal(CanonicalZip.write(entries, STORED)).contains("\"ir.json\" of the signed manifest is missing"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "../ir.json", "agents/../../etc/cron.d/x", "/etc/passwd", "C:/Windows/win.ini",
			"agents\\..\\ir.json" })
	void anEntryPathThatLeavesThePackageIsRefused(String path) throws PackageRejectedException, IOException {
		Map<String, byte[]> entries = entries();
		entries.put(path, "{}".getBytes(StandardCharsets.UTF_8));

		for (byte[] zip : List.of(CanonicalZip.write(entries, STORED), ordinaryZip(entries))) {
			String refused = refusal(zip);
			assertTrue(refused.contains("..") || refused.contains("absolute") || refused.contains("backslash")
					|| refused.contains("zip features") || refused.contains("timestamp") || refused.contains("flags"),
					refused);
		}
		String canonical = refusal(CanonicalZip.write(entries, STORED));
		assertTrue(canonical.contains(path), canonical);
	}

	@Test
	void aZipMadeByOrdinaryToolsIsRefusedEvenWithTheSameEntries() throws PackageRejectedException, IOException {
		String refused = refusal(ordinaryZip(entries()));

		assertTrue(refused.contains("zip features") || refused.contains("timestamp") || refused.contains("flags"),
				refused);
	}

	private static byte[] ordinaryZip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	@Test
	void anEntryThatInflatesBeyondItsDeclaredSizeIsRefused() throws PackageRejectedException {
		Map<String, byte[]> entries = entries();
		entries.put("zeros.bin", new byte[8 << 20]);
		byte[] bomb = ZipSurgery.declareSize(CanonicalZip.write(entries, STORED), "zeros.bin", 1000);

		String refused = refusal(bomb);

		assertTrue(refused.contains("\"zeros.bin\" inflates to more than the 1000 bytes it declares"), refused);
	}

	@Test
	void anEntryDeclaringMoreThanTheLimitIsRefusedBeforeInflating() throws PackageRejectedException {
		Map<String, byte[]> entries = entries();
		entries.put("zeros.bin", new byte[1000]);
		byte[] huge = ZipSurgery.declareSize(CanonicalZip.write(entries, STORED), "zeros.bin", 3_000_000_000L);

		assertTrue(refusal(huge).contains("declares 3000000000 bytes uncompressed"), refusal(huge));
	}

	@Test
	void entriesDeclaringTooMuchInTotalAreRefused() throws PackageRejectedException {
		Map<String, byte[]> entries = entries();
		for (int i = 0; i < 3; i++) {
			entries.put("part" + i + ".bin", new byte[100]);
		}
		byte[] zip = CanonicalZip.write(entries, STORED);
		for (int i = 0; i < 3; i++) {
			zip = ZipSurgery.declareSize(zip, "part" + i + ".bin", 100L << 20);
		}

		assertTrue(refusal(zip).contains("bytes uncompressed in total"), refusal(zip));
	}

	@Test
	void tooManyEntriesAreRefused() throws PackageRejectedException {
		Map<String, byte[]> entries = entries();
		for (int i = 0; i < PackageLimits.DEFAULT.maxEntries(); i++) {
			entries.put("filler/" + i, new byte[] { 1 });
		}

		assertTrue(refusal(CanonicalZip.write(entries, STORED)).contains("entries; a Cabin package has at most 64"));
	}

	@Test
	void aManifestThatLiesAboutAHashIsRefusedThoughSignedByTheTrustedKey() throws Exception {
		Map<String, byte[]> entries = entries();
		ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(entries.get(PackageFormat.MANIFEST));
		((ObjectNode) manifest.get("entries").get(0)).put("sha256", PackageFormat.sha256("other".getBytes()));
		resign(entries, manifest, Builds.KEY);

		String refused = refusal(CanonicalZip.write(entries, STORED));

		assertTrue(refused.contains("\"ir.json\" does not match the signed manifest"), refused);
	}

	@Test
	void aManifestThatLiesAboutTheStoredBytesIsRefused() throws Exception {
		Map<String, byte[]> entries = entries();
		ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(entries.get(PackageFormat.MANIFEST));
		((ObjectNode) manifest.get("entries").get(0)).put("storedSha256", PackageFormat.sha256("other".getBytes()));
		resign(entries, manifest, Builds.KEY);

		assertTrue(refusal(CanonicalZip.write(entries, STORED)).contains("stored bytes do not match"));
	}

	/** What a build tool that lies would do: sign a manifest that does not describe the entries. */
	private static void resign(Map<String, byte[]> entries, ObjectNode manifest, SigningKey key)
			throws GeneralSecurityException {
		byte[] manifestBytes = PackageFormat.json(manifest);
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(key.privateKey());
		signer.update(manifestBytes);
		ObjectNode signature = new ObjectMapper().createObjectNode().put("algorithm", "Ed25519").put("key", key.id())
				.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
		entries.put(PackageFormat.MANIFEST, manifestBytes);
		entries.put(PackageFormat.SIGNATURE, PackageFormat.json(signature));
	}

	@Test
	void aValidPackageSignedWithAnotherKeyIsRefused() {
		SigningKey other = SigningKey.generate();
		byte[] foreign = Builds.export(List.of(dev.cabin.testing.Repository.carGenius()), Builds.AURORA, other, "1.0.0")
				.bytes();

		String refused = refusal(foreign);

		assertTrue(refused.contains("signed by key " + other.id() + ", but this car trusts key " + Builds.KEY.id()),
				refused);
	}

	@Test
	void aPackageForAnotherVehicleIsRefusedByThatVehicle() throws PackageRejectedException {
		PackageVerifier lynx = new PackageVerifier(Builds.KEY.publicKey()).forVehicle("lynx-c-eu");

		assertTrue(refusal(lynx, good).contains("built for vehicle profile \"aurora-s-cn\""));
		new PackageVerifier(Builds.KEY.publicKey()).forVehicle("aurora-s-cn").verify(good);
	}
}
