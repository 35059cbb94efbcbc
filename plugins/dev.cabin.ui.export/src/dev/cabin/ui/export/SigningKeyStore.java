package dev.cabin.ui.export;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.export.SigningKey;

/**
 * The signing key kept in Eclipse secure storage (encrypted with the master password), for authors who do not
 * want a key file on disk.
 */
public final class SigningKeyStore {

	private static final String NODE = "dev.cabin/signing";
	private static final String KEY = "key";
	private static final String KEY_ID = "keyId";

	private final ISecurePreferences root;

	public SigningKeyStore(ISecurePreferences root) {
		this.root = root;
	}

	/** The store in the user's default secure storage. */
	static SigningKeyStore standard() {
		return new SigningKeyStore(SecurePreferencesFactory.getDefault());
	}

	public void store(SigningKey key) throws StorageException, IOException {
		ISecurePreferences node = root.node(NODE);
		node.put(KEY, key.pem(), true);
		node.put(KEY_ID, key.id(), false);
		node.flush();
	}

	/** The id of the stored key without decrypting it, or {@code null} when none is stored. */
	String storedKeyId() {
		try {
			return root.nodeExists(NODE) ? root.node(NODE).get(KEY_ID, null) : null;
		} catch (StorageException e) {
			return null;
		}
	}

	/** The stored key (asks for the master password if needed), or {@code null} when none is stored. */
	SigningKey load() throws StorageException, KeyFileException {
		if (!root.nodeExists(NODE)) {
			return null;
		}
		String pem = root.node(NODE).get(KEY, null);
		return pem == null ? null : SigningKey.fromPem(pem, Path.of("secure storage"));
	}
}
