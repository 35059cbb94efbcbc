package dev.cabin.engine.pkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys in the PEM forms that OpenSSL also reads: {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) and
 * {@code PRIVATE KEY} (PKCS#8). Only the JDK's own provider is used. A car reads and keeps public keys; making
 * keys and reading private ones is the toolchain's ({@code dev.cabin.export.SigningKey}).
 */
public final class Ed25519Keys {

	public static final String ALGORITHM = "Ed25519";
	public static final String PUBLIC_LABEL = "PUBLIC KEY";
	private static final Pattern PEM = Pattern.compile(
			"-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

	private Ed25519Keys() {
	}

	/** A short, stable name of a public key: the start of the SHA-256 of its encoding. */
	public static String keyId(PublicKey key) {
		return "ed25519:" + PackageFormat.sha256(key.getEncoded()).substring(0, 16);
	}

	public static String pem(PublicKey key) {
		return pem(PUBLIC_LABEL, key.getEncoded());
	}

	/** A PEM block of the label around the key's encoding. */
	public static String pem(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
	}

	/** The public key of a PEM file, e.g. the {@code --trust} key of a car. */
	public static PublicKey readPublicKey(Path file) throws KeyFileException {
		return publicKey(block(read(file), PUBLIC_LABEL, file), file);
	}

	/** The first PEM block with the label in the text, decoded. */
	public static byte[] block(String text, String label, Path file) throws KeyFileException {
		Matcher matcher = PEM.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).equals(label)) {
				try {
					return Base64.getMimeDecoder().decode(matcher.group(2));
				} catch (IllegalArgumentException e) {
					throw new KeyFileException(file + ": the " + label + " block is not valid base64");
				}
			}
		}
		throw new KeyFileException(file + ": no \"-----BEGIN " + label + "-----\" block; "
				+ (label.equals(PUBLIC_LABEL) ? "give the public key (KEYFILE.pub from cabin keygen)"
						: "give the private key file from cabin keygen"));
	}

	public static PublicKey publicKey(byte[] der, Path file) throws KeyFileException {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
		} catch (GeneralSecurityException e) {
			throw new KeyFileException(file + ": not an Ed25519 public key");
		}
	}

	public static String read(Path file) throws KeyFileException {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII);
		} catch (NoSuchFileException e) {
			throw new KeyFileException(file + ": no such key file");
		} catch (IOException e) {
			throw new KeyFileException(file + ": cannot read the key file: " + e.getMessage(), e);
		}
	}
}
