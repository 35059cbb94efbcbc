package dev.cabin.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.export.SigningKey;

/**
 * Every way the issue names to spoil a package is refused before anything in it is used, with a message that
 * says what is wrong.
 */
class PackageTamperingTest {

	private final byte[] good = Builds.carGenius("1.0.0");

	private static String refusal(byte[] bytes) {
		return refusal(new PackageVerifier(Builds.KEY.publicKey(), OnnxModels.files()), bytes);
	}

	private static String refusal(PackageVerifier verifier, byte[] bytes) {
		PackageRejectedException refused = assertThrows(PackageRejectedException.class, () -> verifier.verify(bytes));
		assertTrue(refused.getMessage() != null && refused.getMessage().length() > 20, refused::getMessage);
		return refused.getMessage();
	}

	private Map<String, byte[]> entries() {
		return BadPackages.entries(good);
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
	void anAddedEntryIsRefused() {
		String refused = refusal(BadPackages.withEntries(good,
				e -> e.put("extra.json", "{\"debug\": true}".getBytes(StandardCharsets.UTF_8))));

		assertTrue(refused.contains("\"extra.json\" is not in the signed manifest"), refused);
	}

	@Test
	void aRenamedEntryIsRefused() {
		String refused = refusal(BadPackages.renamed(good, PackageFormat.IR, "agents.json"));

		assertTrue(refused.contains("\"ir.json\" was renamed to \"agents.json\""), refused);
	}

	@Test
	void aRemovedEntryIsRefused() {
		assertTrue(refusal(BadPackages.withEntries(good, e -> e.remove(PackageFormat.IR)))
				.contains("\"ir.json\" of the signed manifest is missing"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "../ir.json", "agents/../../etc/cron.d/x", "/etc/passwd", "C:/Windows/win.ini",
			"agents\\..\\ir.json" })
	void anEntryPathThatLeavesThePackageIsRefused(String path) throws IOException {
		Map<String, byte[]> entries = entries();
		entries.put(path, "{}".getBytes(StandardCharsets.UTF_8));

		for (byte[] zip : List.of(BadPackages.stored(entries), ordinaryZip(entries))) {
			String refused = refusal(zip);
			assertTrue(refused.contains("..") || refused.contains("absolute") || refused.contains("backslash")
					|| refused.contains("zip features") || refused.contains("timestamp") || refused.contains("flags"),
					refused);
		}
		String canonical = refusal(BadPackages.stored(entries));
		assertTrue(canonical.contains(path), canonical);
	}

	@Test
	void aZipMadeByOrdinaryToolsIsRefusedEvenWithTheSameEntries() throws IOException {
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
	void anUnsignedBombIsRefusedWithoutInflatingIt() {
		String refused = refusal(BadPackages.bomb(good));

		assertTrue(refused.contains("\"zeros.bin\" is not in the signed manifest"), refused);
	}

	@Test
	void aSignedEntryThatInflatesBeyondItsDeclaredSizeIsRefused() {
		String refused = refusal(BadPackages.signedBomb(good));

		assertTrue(refused.contains("\"zeros.bin\" inflates to more than the 1000 bytes it declares"), refused);
	}

	@Test
	void anEntryDeclaringMoreThanTheLimitIsRefusedBeforeInflating() {
		byte[] huge = ZipSurgery.declareSize(BadPackages.withEntries(good, e -> e.put("zeros.bin", new byte[1000])),
				"zeros.bin", 3_000_000_000L);

		assertTrue(refusal(huge).contains("declares 3000000000 bytes uncompressed"), refusal(huge));
	}

	@Test
	void entriesDeclaringTooMuchInTotalAreRefused() {
		byte[] zip = BadPackages.withEntries(good, e -> {
			for (int i = 0; i < 3; i++) {
				e.put("part" + i + ".bin", new byte[100]);
			}
		});
		for (int i = 0; i < 3; i++) {
			zip = ZipSurgery.declareSize(zip, "part" + i + ".bin", 100L << 20);
		}

		assertTrue(refusal(zip).contains("bytes uncompressed in total"), refusal(zip));
	}

	@Test
	void tooManyEntriesAreRefused() {
		assertTrue(refusal(BadPackages.tooManyEntries(good))
				.contains("entries; a Cabin package has at most 64"));
	}

	@Test
	void aManifestThatLiesAboutAHashIsRefusedThoughSignedByTheTrustedKey() {
		String refused = refusal(BadPackages.lyingManifest(good, "sha256", Builds.KEY));

		assertTrue(refused.contains("\"ir.json\" does not match the signed manifest"), refused);
	}

	@Test
	void aManifestThatLiesAboutTheStoredBytesIsRefused() {
		assertTrue(refusal(BadPackages.lyingManifest(good, "storedSha256", Builds.KEY))
				.contains("stored bytes do not match"));
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
		PackageVerifier lynx = new PackageVerifier(Builds.KEY.publicKey(), OnnxModels.files()).forVehicle("lynx-c-eu");

		assertTrue(refusal(lynx, good).contains("built for vehicle profile \"aurora-s-cn\""));
		new PackageVerifier(Builds.KEY.publicKey(), OnnxModels.files()).forVehicle("aurora-s-cn").verify(good);
	}
}
