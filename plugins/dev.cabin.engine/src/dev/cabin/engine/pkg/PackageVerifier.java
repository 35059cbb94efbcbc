package dev.cabin.engine.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.SentenceModelFiles;
import dev.cabin.engine.nlu.SentenceModelFiles.Fingerprint;

/**
 * Checks a package before anything in it is used, in the order that trusts the least first: the zip structure
 * and its size limits (headers only), the signature of the manifest against the trusted key, the manifest's
 * form, every entry against the signed manifest (streamed, nothing unsigned inflated), then
 * whether this engine can run it (package format, IR format, engine version, model files).
 */
public final class PackageVerifier {

	/* An Ed25519 signature, its algorithm and a key id in JSON: about 180 bytes. */
	private static final int MAX_SIGNATURE_BYTES = 4096;

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

	/** This verifier, also refusing packages built for another vehicle profile than the one with this id. */
	public PackageVerifier forVehicle(String profileId) {
		return new PackageVerifier(trusted, models, limits, profileId);
	}

	/** This verifier, checking the package against these model files instead. */
	public PackageVerifier withModels(SentenceModelFiles otherModels) {
		return new PackageVerifier(trusted, otherModels, limits, vehicle);
	}

	public VerifiedPackage verify(Path file) throws PackageRejectedException {
		if (!Files.isRegularFile(file)) {
			throw new PackageRejectedException(Files.exists(file) ? file + " is not a regular file"
					: "no such package file: " + file);
		}
		try (PackageBytes bytes = PackageBytes.open(file)) {
			return verify(bytes);
		} catch (IOException e) {
			throw new PackageRejectedException("cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	public VerifiedPackage verify(byte[] bytes) throws PackageRejectedException {
		try {
			return verify(PackageBytes.of(bytes));
		} catch (IOException e) {
			throw new PackageRejectedException("the package is truncated: " + e.getMessage(), e);
		}
	}

	/*
	 * Nothing unsigned is inflated: the headers are checked (no data read), then the manifest is read (stored,
	 * bounded) and its signature checked, and each entry's stored bytes are hashed against the signed manifest
	 * before they are inflated, through a bounded buffer, into the hash of their content.
	 */
	private VerifiedPackage verify(PackageBytes bytes) throws PackageRejectedException, IOException {
		Map<String, CanonicalZip.Entry> entries = new LinkedHashMap<>();
		for (CanonicalZip.Entry entry : CanonicalZip.directory(bytes, limits)) {
			entries.put(entry.name(), entry);
		}
		EntryReader reader = new EntryReader(bytes);
		byte[] manifestBytes = uncompressed(reader, entries.get(PackageFormat.MANIFEST), PackageFormat.MANIFEST,
				limits.maxManifestBytes(), "; it is not a Cabin package, or the manifest was renamed");
		byte[] signatureBytes = uncompressed(reader, entries.get(PackageFormat.SIGNATURE), PackageFormat.SIGNATURE,
				MAX_SIGNATURE_BYTES, " (it is unsigned, or the signature was renamed)");
		String signer = checkSignature(manifestBytes, signatureBytes);
		PackageManifest manifest = parseManifest(manifestBytes);
		Map<String, CompletableFuture<Fingerprint>> localModels = fingerprints(manifest);
		byte[] irBytes = checkEntries(manifest, entries, reader);
		checkVehicle(manifest);
		checkRuntime(manifest);
		CabinIr ir = decodeIr(irBytes);
		checkModels(manifest, ir, localModels);
		return new VerifiedPackage(bytes.size(), manifest, signer, ir);
	}

	/* The manifest and its signature are stored as is: their bytes in the zip are exactly what is signed and checked. */
	private static byte[] uncompressed(EntryReader reader, CanonicalZip.Entry entry, String name, int maxBytes,
			String whenMissing) throws PackageRejectedException, IOException {
		if (entry == null) {
			throw new PackageRejectedException("the package has no " + name + whenMissing);
		}
		if (entry.compressed()) {
			throw new PackageRejectedException(name + " is compressed; the toolchain stores it as is (the package"
					+ " was altered)");
		}
		if (entry.size() > maxBytes) {
			throw new PackageRejectedException(name + " is " + entry.size() + " bytes; a Cabin package's " + name
					+ " has at most " + maxBytes);
		}
		return reader.content(entry, true).bytes();
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
		JsonNode format = PackageFormat.parse(bytes, JsonNode.class, PackageFormat.MANIFEST).get("format");
		if (format == null || !format.isInt() || format.intValue() != PackageFormat.FORMAT) {
			throw new PackageRejectedException("the package is format " + format + "; this engine reads format "
					+ PackageFormat.FORMAT + " (install a matching engine, or rebuild the package)");
		}
		PackageManifest manifest = PackageFormat.parse(bytes, PackageManifest.class, PackageFormat.MANIFEST);
		try {
			SemanticVersion.parse(manifest.version());
		} catch (IllegalArgumentException e) {
			throw new PackageRejectedException(PackageFormat.MANIFEST + ": " + e.getMessage());
		}
		return manifest;
	}

	/**
	 * Every content entry is listed with its size and hashes, and every listed entry is there and matches them:
	 * its declared size before anything is read, its stored bytes before they are inflated, its content as it is
	 * inflated. Returns the IR's bytes, the one entry kept in memory.
	 */
	private byte[] checkEntries(PackageManifest manifest, Map<String, CanonicalZip.Entry> entries, EntryReader reader)
			throws PackageRejectedException, IOException {
		Map<String, PackageManifest.Entry> listed = new HashMap<>();
		for (PackageManifest.Entry entry : manifest.entries()) {
			if (listed.put(entry.name(), entry) != null) {
				throw new PackageRejectedException(PackageFormat.MANIFEST + " lists \"" + entry.name() + "\" twice");
			}
		}
		for (CanonicalZip.Entry entry : entries.values()) {
			String name = entry.name();
			if (!listed.containsKey(name) && !name.equals(PackageFormat.MANIFEST) && !name.equals(PackageFormat.SIGNATURE)) {
				String stored = reader.storedSha256(entry);
				String renamedFrom = listed.values().stream()
						.filter(e -> !entries.containsKey(e.name()) && e.storedSha256().equals(stored))
						.map(PackageManifest.Entry::name).findFirst().orElse(null);
				throw new PackageRejectedException(renamedFrom != null
						? "entry \"" + renamedFrom + "\" was renamed to \"" + name + "\" after signing"
						: "entry \"" + name + "\" is not in the signed manifest (it was added after signing)");
			}
		}
		if (!listed.containsKey(PackageFormat.IR)) {
			throw new PackageRejectedException("the package has no " + PackageFormat.IR);
		}
		byte[] ir = null;
		for (PackageManifest.Entry entry : manifest.entries()) {
			CanonicalZip.Entry found = entries.get(entry.name());
			if (found == null) {
				throw new PackageRejectedException("entry \"" + entry.name()
						+ "\" of the signed manifest is missing from the package");
			}
			if (found.size() != entry.size()) {
				throw new PackageRejectedException("entry \"" + entry.name() + "\" does not match the signed manifest"
						+ " (manifest: " + entry.size() + " bytes; package: " + found.size() + " bytes)");
			}
			boolean isIr = entry.name().equals(PackageFormat.IR);
			if (isIr && found.size() > limits.maxIrBytes()) {
				throw new PackageRejectedException(PackageFormat.IR + " is " + found.size() + " bytes; a car holds at most "
						+ limits.maxIrBytes() + " bytes of IR in memory");
			}
			if (!reader.storedSha256(found).equals(entry.storedSha256())) {
				throw new PackageRejectedException("entry \"" + entry.name() + "\": its stored bytes do not match the"
						+ " signed manifest (the compressed data was altered)");
			}
			EntryReader.Content content = reader.content(found, isIr);
			if (!content.sha256().equals(entry.sha256())) {
				throw new PackageRejectedException("entry \"" + entry.name() + "\" does not match the signed manifest"
						+ " (manifest: SHA-256 " + entry.sha256() + "; package: SHA-256 " + content.sha256() + ")");
			}
			if (isIr) {
				ir = content.bytes();
			}
		}
		return ir;
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

	private CabinIr decodeIr(byte[] bytes) throws PackageRejectedException {
		try {
			return new IrCodec().read(bytes);
		} catch (IrFormatException e) {
			throw new PackageRejectedException(PackageFormat.IR + ": " + e.getMessage(), e);
		}
	}

	/*
	 * Hashing this engine's model files (tens of megabytes, inflated from their jars) is most of the time a
	 * verification takes: it starts, two models at a time, as soon as the signed manifest names them, and runs
	 * while the entries and the IR are checked.
	 */
	private Map<String, CompletableFuture<Fingerprint>> fingerprints(PackageManifest manifest) {
		ExecutorService hashing = Executors.newFixedThreadPool(2, task -> {
			Thread thread = new Thread(task, "cabin-model-hash");
			thread.setDaemon(true);
			return thread;
		});
		Map<String, CompletableFuture<Fingerprint>> fingerprints = new HashMap<>();
		for (PackageManifest.Model model : manifest.models()) {
			fingerprints.computeIfAbsent(model.id(),
					id -> CompletableFuture.supplyAsync(() -> models.fingerprint(id), hashing));
		}
		hashing.shutdown();
		return fingerprints;
	}

	/** The IR's embeddings were made with exactly the model files this engine embeds queries with. */
	private void checkModels(PackageManifest manifest, CabinIr ir, Map<String, CompletableFuture<Fingerprint>> local)
			throws PackageRejectedException {
		for (Map.Entry<String, EncoderInfo> encoder : ir.encoders().entrySet()) {
			PackageManifest.Model model = manifest.models().stream()
					.filter(m -> encoder.getKey().equals(m.language()) && encoder.getValue().modelId().equals(m.id()))
					.findFirst().orElse(null);
			if (model == null) {
				throw new PackageRejectedException(PackageFormat.MANIFEST + " does not name the model of the IR's \""
						+ encoder.getKey() + "\" embeddings (" + encoder.getValue().modelId() + ")");
			}
			String sha256;
			try {
				sha256 = local.get(model.id()).join().sha256();
			} catch (CompletionException e) {
				if (e.getCause() instanceof IllegalArgumentException) {
					throw new PackageRejectedException("the package needs the model " + model.id()
							+ ", which this engine does not have");
				}
				if (e.getCause() instanceof IllegalStateException cause) {
					throw new PackageRejectedException("cannot check the model " + model.id() + ": " + cause.getMessage(),
							cause);
				}
				throw e.getCause() instanceof RuntimeException cause ? cause : e;
			}
			if (!sha256.equals(model.sha256())) {
				throw new PackageRejectedException("the package's \"" + model.language() + "\" embeddings were made with "
						+ model.id() + " files of SHA-256 " + model.sha256() + ", but this engine's are " + sha256);
			}
		}
	}
}
