package dev.cabin.export.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.PackageLimits;
import dev.cabin.export.SigningKey;
import dev.cabin.export.pkg.CanonicalZipWriter;
import dev.cabin.testing.Repository;

/** The spoiled packages the issue names, each made from a good one as an attacker or a broken tool would. */
final class BadPackages {

	private static final Set<String> STORED = Set.of(PackageFormat.MANIFEST, PackageFormat.SIGNATURE);

	private BadPackages() {
	}

	/** Every kind, by a name for messages; none of them may ever be installed or run. */
	static Map<String, byte[]> all(byte[] good) {
		Map<String, byte[]> bad = new LinkedHashMap<>();
		for (String entry : List.of(PackageFormat.MANIFEST, PackageFormat.SIGNATURE, PackageFormat.IR)) {
			int[] data = ZipSurgery.dataOf(good, entry);
			bad.put("a byte of " + entry + " flipped", Builds.flip(good, (data[0] + data[1]) / 2));
		}
		bad.put("truncated", Arrays.copyOf(good, good.length - 1));
		bad.put("an entry added", withEntries(good, e -> e.put("extra.json", "{}".getBytes(StandardCharsets.UTF_8))));
		bad.put("an entry renamed", renamed(good, PackageFormat.IR, "agents.json"));
		bad.put("a path with ..", withEntries(good, e -> e.put("../ir.json", new byte[] { 1 })));
		bad.put("an absolute path", withEntries(good, e -> e.put("/etc/passwd", new byte[] { 1 })));
		bad.put("a zip bomb", bomb(good));
		bad.put("a signed zip bomb", signedBomb(good));
		bad.put("too many entries", tooManyEntries(good));
		bad.put("a signed manifest lying about a hash", lyingManifest(good, "sha256", Builds.KEY));
		bad.put("signed with another key", Builds.export(List.of(Repository.carGenius()), Builds.AURORA,
				SigningKey.generate(), "9.0.0").bytes());
		return bad;
	}

	/** 8 MiB of zeros that declare 1000 bytes, unsigned. */
	static byte[] bomb(byte[] good) {
		return ZipSurgery.declareSize(withEntries(good, e -> e.put("zeros.bin", new byte[8 << 20])), "zeros.bin", 1000);
	}

	/**
	 * 8 MiB of zeros that declare 1000 bytes, listed so in a manifest signed by the trusted key with the hash of
	 * their stored bytes: only the inflating itself can tell.
	 */
	static byte[] signedBomb(byte[] good) {
		byte[] zeros = new byte[8 << 20];
		byte[] zip = resigned(good, manifest -> ((ArrayNode) manifest.get("entries")).addObject()
				.put("name", "zeros.bin").put("size", 1000).put("sha256", PackageFormat.sha256(new byte[1000]))
				.put("storedSha256", PackageFormat.sha256(CanonicalZipWriter.stored(zeros))),
				e -> e.put("zeros.bin", zeros));
		return ZipSurgery.declareSize(zip, "zeros.bin", 1000);
	}

	static byte[] tooManyEntries(byte[] good) {
		return withEntries(good, e -> {
			for (int i = 0; i < PackageLimits.DEFAULT.maxEntries(); i++) {
				e.put("filler/" + i, new byte[] { 1 });
			}
		});
	}

	/** The entries of a good package, read as any zip tool reads them. */
	static Map<String, byte[]> entries(byte[] good) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(good))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		} catch (IOException e) {
			throw new IllegalArgumentException("not a good package", e);
		}
		return entries;
	}

	/** The package rewritten, canonically, after the change to its entries. */
	static byte[] withEntries(byte[] good, Consumer<Map<String, byte[]>> change) {
		Map<String, byte[]> entries = entries(good);
		change.accept(entries);
		return CanonicalZipWriter.write(entries, STORED);
	}

	static byte[] renamed(byte[] good, String from, String to) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries(good).forEach((name, content) -> entries.put(name.equals(from) ? to : name, content));
		return CanonicalZipWriter.write(entries, STORED);
	}

	/** What a build tool that lies would do: sign a manifest whose entry field does not describe the entry. */
	static byte[] lyingManifest(byte[] good, String field, SigningKey key) {
		return resigned(good, manifest -> ((ObjectNode) manifest.get("entries").get(0)).put(field,
				PackageFormat.sha256("other".getBytes())), entries -> {
				}, key);
	}

	/** The package with its manifest and entries changed, the manifest signed again by the trusted key. */
	static byte[] resigned(byte[] good, Consumer<ObjectNode> manifestChange, Consumer<Map<String, byte[]>> entryChange) {
		return resigned(good, manifestChange, entryChange, Builds.KEY);
	}

	/**
	 * The package with an entry replaced, its manifest listing the new content truly, and signed by the trusted
	 * key: what a compromised build machine could make.
	 */
	static byte[] withSignedEntry(byte[] good, String name, byte[] content) {
		return resigned(good, manifest -> {
			for (JsonNode entry : manifest.get("entries")) {
				if (entry.get("name").asText().equals(name)) {
					((ObjectNode) entry).put("size", content.length).put("sha256", PackageFormat.sha256(content))
							.put("storedSha256", PackageFormat.sha256(CanonicalZipWriter.stored(content)));
				}
			}
		}, entries -> entries.put(name, content));
	}

	private static byte[] resigned(byte[] good, Consumer<ObjectNode> manifestChange,
			Consumer<Map<String, byte[]>> entryChange, SigningKey key) {
		Map<String, byte[]> entries = entries(good);
		try {
			ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(entries.get(PackageFormat.MANIFEST));
			manifestChange.accept(manifest);
			byte[] manifestBytes = PackageFormat.json(manifest);
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(key.privateKey());
			signer.update(manifestBytes);
			ObjectNode signature = new ObjectMapper().createObjectNode().put("algorithm", "Ed25519")
					.put("key", key.id()).put("signature", Base64.getEncoder().encodeToString(signer.sign()));
			entries.put(PackageFormat.MANIFEST, manifestBytes);
			entries.put(PackageFormat.SIGNATURE, PackageFormat.json(signature));
		} catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
		entryChange.accept(entries);
		return CanonicalZipWriter.write(entries, STORED);
	}

	static byte[] stored(Map<String, byte[]> entries) {
		return CanonicalZipWriter.write(entries, STORED);
	}
}
