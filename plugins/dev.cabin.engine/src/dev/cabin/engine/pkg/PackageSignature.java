package dev.cabin.engine.pkg;

/**
 * The content of {@value PackageFormat#SIGNATURE}.
 *
 * @param algorithm always {@code Ed25519}
 * @param key the {@link Ed25519Keys#keyId key id} of the signer, to name the key in messages (never trusted)
 * @param signature the base64 Ed25519 signature of the manifest's bytes
 */
public record PackageSignature(String algorithm, String key, String signature) {
}
