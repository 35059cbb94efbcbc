package dev.cabin.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.EnumSet;
import java.util.Set;

import dev.cabin.engine.pkg.Ed25519Keys;
import dev.cabin.engine.pkg.KeyFileException;

/**
 * The Ed25519 key that signs car builds. Its file holds the private key (PKCS#8 PEM, which OpenSSL reads) and
 * its public half (which names the signer); {@code KEYFILE.pub} beside it holds the public key alone, to give to
 * cars. A key file that group or others may read is refused, as ssh refuses one.
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);
	private static final String PRIVATE_LABEL = "PRIVATE KEY";
	private static final byte[] PAIR_CHECK = "cabin signing key pair check".getBytes(StandardCharsets.US_ASCII);

	public static SigningKey generate() {
		KeyPair pair;
		try {
			pair = KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM).generateKeyPair();
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java runtime has no Ed25519 (Java 15 or newer has)", e);
		}
		return new SigningKey(pair.getPrivate(), pair.getPublic());
	}

	public String id() {
		return Ed25519Keys.keyId(publicKey);
	}

	/** The public key file beside a key file. */
	public static Path publicKeyFile(Path keyFile) {
		return keyFile.resolveSibling(keyFile.getFileName() + ".pub");
	}

	/** The key file's content: the private key, then the public key. */
	public String pem() {
		return Ed25519Keys.pem(PRIVATE_LABEL, privateKey.getEncoded()) + Ed25519Keys.pem(publicKey);
	}

	/**
	 * Writes the key file (readable by its owner only, created so from the start) and the public key beside it.
	 * Never overwrites: a lost signing key cannot be made again.
	 */
	public void save(Path keyFile) throws KeyFileException, IOException {
		Path publicFile = publicKeyFile(keyFile);
		for (Path existing : new Path[] { keyFile, publicFile }) {
			if (Files.exists(existing)) {
				throw new KeyFileException(existing + " exists; cabin keygen never overwrites a key (move it away"
						+ " or choose another name)");
			}
		}
		Path directory = keyFile.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		try {
			if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			} else {
				Files.createFile(keyFile);
			}
		} catch (FileAlreadyExistsException e) {
			throw new KeyFileException(keyFile + " exists; cabin keygen never overwrites a key");
		}
		Files.writeString(keyFile, pem(), StandardCharsets.US_ASCII);
		Files.writeString(publicFile, Ed25519Keys.pem(publicKey), StandardCharsets.US_ASCII);
	}

	/** Reads a key file written by {@link #save}, refusing one that others can read. */
	public static SigningKey load(Path keyFile) throws KeyFileException {
		checkPrivate(keyFile);
		return fromPem(Ed25519Keys.read(keyFile), keyFile);
	}

	/** A key from the text of a key file (e.g. kept in Eclipse secure storage); {@code origin} names it in messages. */
	public static SigningKey fromPem(String text, Path origin) throws KeyFileException {
		PrivateKey privateKey = privateKey(Ed25519Keys.block(text, PRIVATE_LABEL, origin), origin);
		PublicKey publicKey = Ed25519Keys.publicKey(Ed25519Keys.block(text, Ed25519Keys.PUBLIC_LABEL, origin), origin);
		SigningKey key = new SigningKey(privateKey, publicKey);
		if (!key.halvesMatch()) {
			throw new KeyFileException(origin + ": the private and the public key in it do not belong together");
		}
		return key;
	}

	private static PrivateKey privateKey(byte[] der, Path file) throws KeyFileException {
		try {
			return KeyFactory.getInstance(Ed25519Keys.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
		} catch (GeneralSecurityException e) {
			throw new KeyFileException(file + ": not an Ed25519 private key");
		}
	}

	private boolean halvesMatch() {
		try {
			Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
			signer.initSign(privateKey);
			signer.update(PAIR_CHECK);
			Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
			verifier.initVerify(publicKey);
			verifier.update(PAIR_CHECK);
			return verifier.verify(signer.sign());
		} catch (GeneralSecurityException e) {
			return false;
		}
	}

	private static void checkPrivate(Path keyFile) throws KeyFileException {
		if (!Files.isRegularFile(keyFile)) {
			throw new KeyFileException(keyFile + ": no such key file (cabin keygen -o " + keyFile + " makes one)");
		}
		Set<PosixFilePermission> permissions;
		try {
			permissions = Files.getPosixFilePermissions(keyFile);
		} catch (UnsupportedOperationException e) {
			return; // no POSIX permissions on this file system (e.g. Windows): its ACLs are the user's business
		} catch (IOException e) {
			throw new KeyFileException(keyFile + ": cannot read its permissions: " + e.getMessage(), e);
		}
		if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
			throw new KeyFileException(keyFile + ": the private key may be read or changed by others (permissions "
					+ PosixFilePermissions.toString(permissions) + "); restrict it with chmod 600 " + keyFile);
		}
	}
}
