package dev.cabin.export.pkg;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.cabin.engine.pkg.Ed25519Keys;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.PackageManifest;
import dev.cabin.engine.pkg.PackageSignature;

/**
 * Writes a signed package, which {@code PackageVerifier} checks. Deterministic: the same manifest, content and key give the same bytes (Ed25519
 * signatures are deterministic, the zip has fixed timestamps and a fixed entry order). The manifest and the
 * signature are stored uncompressed, so that their bytes in the zip are exactly the signed ones.
 */
public final class PackageWriter {

	private PackageWriter() {
	}

	/**
	 * The package of the content entries, with the manifest completed by their list and signed by the key.
	 *
	 * @param manifest everything but {@code entries}, which this method fills in
	 * @param content the entries by name (e.g. {@value PackageFormat#IR})
	 * @param publicKey the public half of {@code key}, which names the signer
	 */
	public static byte[] write(PackageManifest manifest, Map<String, byte[]> content, PrivateKey key,
			PublicKey publicKey) {
		if (content.containsKey(PackageFormat.MANIFEST) || content.containsKey(PackageFormat.SIGNATURE)) {
			throw new IllegalArgumentException("the manifest and the signature are not content entries");
		}
		Map<String, byte[]> sorted = new TreeMap<>(content);
		List<PackageManifest.Entry> entries = new ArrayList<>();
		sorted.forEach((name, bytes) -> entries.add(new PackageManifest.Entry(name, bytes.length,
				PackageFormat.sha256(bytes), PackageFormat.sha256(CanonicalZipWriter.stored(bytes)))));
		byte[] manifestBytes = PackageFormat.json(withEntries(manifest, entries));
		PackageSignature signature = new PackageSignature(Ed25519Keys.ALGORITHM, Ed25519Keys.keyId(publicKey),
				Base64.getEncoder().encodeToString(sign(manifestBytes, key)));
		Map<String, byte[]> zip = new LinkedHashMap<>();
		zip.put(PackageFormat.MANIFEST, manifestBytes);
		zip.put(PackageFormat.SIGNATURE, PackageFormat.json(signature));
		zip.putAll(sorted);
		return CanonicalZipWriter.write(zip, Set.of(PackageFormat.MANIFEST, PackageFormat.SIGNATURE));
	}

	private static PackageManifest withEntries(PackageManifest m, List<PackageManifest.Entry> entries) {
		return new PackageManifest(m.format(), m.version(), m.agents(), m.target(), m.engine(), m.requires(),
				m.signals(), m.llm(), m.models(), m.build(), entries);
	}

	private static byte[] sign(byte[] message, PrivateKey key) {
		try {
			Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
			signer.initSign(key);
			signer.update(message);
			return signer.sign();
		} catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("the key cannot sign with Ed25519: " + e.getMessage(), e);
		}
	}
}
