package dev.cabin.engine.pkg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.SentenceModelFiles;

/**
 * Checks a package before anything in it is used, in the order that trusts the least first: the zip structure
 * and its size limits, the signature against the trusted key, every entry against the signed manifest, then
 * whether this engine can run it (package format, IR format, engine version, model files).
 */
public final class PackageVerifier {

	private final PublicKey trusted;
	private final SentenceModelFiles models;
	private final PackageLimits limits;
	private final String vehicle;

	/** @param models the files of the sentence models this runtime embeds queries with */
	public PackageVerifier(PublicKey trusted, SentenceModelFiles models) {
		this(trusted, models, PackageLimits.DEFAULT, null);
	}

	private PackageVerifier(PublicKey trusted, SentenceModelFiles models, PackageLimits limits, String vehicle) {
		this.trusted = trusted;
		this.models = models;
		this.limits = limits;
		this.vehicle = vehicle;
	}

	PublicKey trusted() {
		return trusted;
	}

	/** This verifier with other limits. */
	public PackageVerifier withLimits(PackageLimits otherLimits) {
		return new PackageVerifier(trusted, models, otherLimits, vehicle);
	}

	/** This verifier, also refusing packages built for another vehicle profile than the one with this id. */
	public PackageVerifier forVehicle(String profileId) {
		return new PackageVerifier(trusted, models, limits, profileId);
	}

	public VerifiedPackage verify(Path file) throws PackageRejectedException {
		return verify(read(file, limits));
	}

	/** The bytes of a package file, refusing one larger than the limits before reading it. */
	static byte[] read(Path file, PackageLimits limits) throws PackageRejectedException {
		try {
			long size = Files.size(file);
			if (size > limits.maxPackageBytes()) {
				throw new PackageRejectedException("the package is " + size + " bytes, more than the "
						+ limits.maxPackageBytes() + " a Cabin package may have");
			}
			try (InputStream in = Files.newInputStream(file)) {
				return in.readNBytes((int) limits.maxPackageBytes() + 1);
			}
		} catch (NoSuchFileException e) {
			throw new PackageRejectedException("no such package file: " + file);
		} catch (IOException e) {
			throw new PackageRejectedException("cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	public VerifiedPackage verify(byte[] bytes) throws PackageRejectedException {
		Map<String, CanonicalZip.Entry> entries = CanonicalZip.read(bytes, limits);
		byte[] manifestBytes = uncompressed(entries, PackageFormat.MANIFEST,
				"; it is not a Cabin package, or the manifest was renamed");
		byte[] signatureBytes = uncompressed(entries, PackageFormat.SIGNATURE,
				" (it is unsigned, or the signature was renamed)");
		String signer = checkSignature(manifestBytes, signatureBytes);
		PackageManifest manifest = parseManifest(manifestBytes);
		checkEntries(manifest, entries);
		checkVehicle(manifest);
		checkRuntime(manifest);
		CabinIr ir = decodeIr(entries.get(PackageFormat.IR).content());
		checkModels(manifest, ir);
		return new VerifiedPackage(bytes, manifest, signer, ir);
	}

	/* The manifest and its signature are stored as is: their bytes in the zip are exactly what is signed and checked. */
	private static byte[] uncompressed(Map<String, CanonicalZip.Entry> entries, String name, String whenMissing)
			throws PackageRejectedException {
		CanonicalZip.Entry entry = entries.get(name);
		if (entry == null) {
			throw new PackageRejectedException("the package has no " + name + whenMissing);
		}
		if (entry.compressed()) {
			throw new PackageRejectedException(name + " is compressed; the toolchain stores it as is (the package"
					+ " was altered)");
		}
		return entry.content();
	}

	/** Verifies the signature of the manifest with the trusted key; returns the signer's key id. */
	private String checkSignature(byte[] manifest, byte[] signatureFile) throws PackageRejectedException {
		PackageSignature signature = PackageFormat.parse(signatureFile, PackageSignature.class, PackageFormat.SIGNATURE);
		if (!Arrays.equals(signatureFile, PackageFormat.json(signature))) {
			throw new PackageRejectedException(PackageFormat.SIGNATURE + " was altered (it is not in the form the"
					+ " toolchain writes)");
		}
		if (!Ed25519Keys.ALGORITHM.equals(signature.algorithm())) {
			throw new PackageRejectedException("the package is signed with \"" + signature.algorithm()
					+ "\"; Cabin packages are signed with Ed25519");
		}
		String trustedId = Ed25519Keys.keyId(trusted);
		boolean valid;
		try {
			byte[] raw = Base64.getDecoder().decode(String.valueOf(signature.signature()));
			Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
			verifier.initVerify(trusted);
			verifier.update(manifest);
			valid = verifier.verify(raw);
		} catch (IllegalArgumentException e) {
			throw new PackageRejectedException(PackageFormat.SIGNATURE + " is damaged (the signature is not base64)");
		} catch (GeneralSecurityException e) {
			valid = false;
		}
		if (!valid) {
			throw new PackageRejectedException(trustedId.equals(signature.key())
					? "the signature does not match the manifest: " + PackageFormat.MANIFEST
							+ " was changed after signing, or the signature is damaged"
					: "the package is signed by key " + signature.key() + ", but this car trusts key " + trustedId
							+ " (signed with another key)");
		}
		if (!trustedId.equals(signature.key())) {
			throw new PackageRejectedException(PackageFormat.SIGNATURE + " names key " + signature.key()
					+ " but was made by " + trustedId + " (the signature file was altered)");
		}
		return trustedId;
	}

	private static PackageManifest parseManifest(byte[] bytes) throws PackageRejectedException {
		JsonNode format;
		try {
			format = new ObjectMapper().readTree(bytes).get("format");
		} catch (IOException e) {
			throw new PackageRejectedException(PackageFormat.MANIFEST + " is not valid JSON");
		}
		if (format == null || format.asInt(-1) != PackageFormat.FORMAT) {
			throw new PackageRejectedException("the package is format " + format + "; this engine reads format "
					+ PackageFormat.FORMAT + " (install a matching engine, or rebuild the package)");
		}
		PackageManifest manifest = PackageFormat.parse(bytes, PackageManifest.class, PackageFormat.MANIFEST);
		if (manifest.version() == null || manifest.agents() == null || manifest.engine() == null
				|| manifest.models() == null || manifest.entries() == null) {
			throw new PackageRejectedException(PackageFormat.MANIFEST
					+ " lacks version, agents, engine, models or entries");
		}
		try {
			SemanticVersion.parse(manifest.version());
		} catch (IllegalArgumentException e) {
			throw new PackageRejectedException(PackageFormat.MANIFEST + ": " + e.getMessage());
		}
		return manifest;
	}

	/** Every content entry is listed with its size and hash, and every listed entry is there. */
	private static void checkEntries(PackageManifest manifest, Map<String, CanonicalZip.Entry> entries)
			throws PackageRejectedException {
		Map<String, PackageManifest.Entry> listed = new HashMap<>();
		for (PackageManifest.Entry entry : manifest.entries()) {
			if (listed.put(entry.name(), entry) != null) {
				throw new PackageRejectedException(PackageFormat.MANIFEST + " lists \"" + entry.name() + "\" twice");
			}
		}
		Set<String> present = new LinkedHashSet<>(entries.keySet());
		present.remove(PackageFormat.MANIFEST);
		present.remove(PackageFormat.SIGNATURE);
		for (String name : present) {
			if (!listed.containsKey(name)) {
				String hash = PackageFormat.sha256(entries.get(name).content());
				String renamedFrom = listed.values().stream()
						.filter(e -> !entries.containsKey(e.name()) && e.sha256().equals(hash))
						.map(PackageManifest.Entry::name).findFirst().orElse(null);
				throw new PackageRejectedException(renamedFrom != null
						? "entry \"" + renamedFrom + "\" was renamed to \"" + name + "\" after signing"
						: "entry \"" + name + "\" is not in the signed manifest (it was added after signing)");
			}
		}
		for (PackageManifest.Entry entry : manifest.entries()) {
			CanonicalZip.Entry found = entries.get(entry.name());
			if (found == null) {
				throw new PackageRejectedException("entry \"" + entry.name()
						+ "\" of the signed manifest is missing from the package");
			}
			String actual = PackageFormat.sha256(found.content());
			if (found.content().length != entry.size() || !actual.equals(entry.sha256())) {
				throw new PackageRejectedException("entry \"" + entry.name() + "\" does not match the signed manifest"
						+ " (manifest: " + entry.size() + " bytes, SHA-256 " + entry.sha256() + "; package: "
						+ found.content().length + " bytes, SHA-256 " + actual + ")");
			}
			if (!PackageFormat.sha256(found.stored()).equals(entry.storedSha256())) {
				throw new PackageRejectedException("entry \"" + entry.name() + "\": its stored bytes do not match the"
						+ " signed manifest (the compressed data was altered)");
			}
		}
		if (!listed.containsKey(PackageFormat.IR)) {
			throw new PackageRejectedException("the package has no " + PackageFormat.IR);
		}
	}

	private void checkVehicle(PackageManifest manifest) throws PackageRejectedException {
		String target = manifest.target() == null ? null : manifest.target().profile();
		if (vehicle != null && !vehicle.equals(target)) {
			throw new PackageRejectedException("the package was built for vehicle profile \"" + target
					+ "\", but this vehicle is \"" + vehicle + "\"");
		}
	}

	private static void checkRuntime(PackageManifest manifest) throws PackageRejectedException {
		if (manifest.engine().irFormat() != CabinIr.FORMAT_VERSION) {
			throw new PackageRejectedException("the package's IR is format " + manifest.engine().irFormat()
					+ "; this engine reads format " + CabinIr.FORMAT_VERSION + " (rebuild it with a matching toolchain)");
		}
		VersionRange engines;
		try {
			engines = VersionRange.parse(manifest.engine().versions());
		} catch (IllegalArgumentException e) {
			throw new PackageRejectedException(PackageFormat.MANIFEST + ": " + e.getMessage());
		}
		if (!engines.contains(SemanticVersion.parse(PackageFormat.ENGINE_VERSION))) {
			throw new PackageRejectedException("the package needs engine " + engines + "; this engine is "
					+ PackageFormat.ENGINE_VERSION);
		}
	}

	private static CabinIr decodeIr(byte[] bytes) throws PackageRejectedException {
		try {
			return new IrCodec().read(new ByteArrayInputStream(bytes));
		} catch (IrFormatException e) {
			throw new PackageRejectedException(PackageFormat.IR + ": " + e.getMessage(), e);
		}
	}

	/** The IR's embeddings were made with exactly the model files this engine embeds queries with. */
	private void checkModels(PackageManifest manifest, CabinIr ir) throws PackageRejectedException {
		for (Map.Entry<String, EncoderInfo> encoder : ir.encoders().entrySet()) {
			PackageManifest.Model model = manifest.models().stream()
					.filter(m -> encoder.getKey().equals(m.language()) && encoder.getValue().modelId().equals(m.id()))
					.findFirst().orElse(null);
			if (model == null) {
				throw new PackageRejectedException(PackageFormat.MANIFEST + " does not name the model of the IR's \""
						+ encoder.getKey() + "\" embeddings (" + encoder.getValue().modelId() + ")");
			}
			String local;
			try {
				local = models.fingerprint(model.id()).sha256();
			} catch (IllegalArgumentException e) {
				throw new PackageRejectedException("the package needs the model " + model.id()
						+ ", which this engine does not have");
			}
			if (!local.equals(model.sha256())) {
				throw new PackageRejectedException("the package's \"" + model.language() + "\" embeddings were made with "
						+ model.id() + " files of SHA-256 " + model.sha256() + ", but this engine's are " + local);
			}
		}
	}
}
