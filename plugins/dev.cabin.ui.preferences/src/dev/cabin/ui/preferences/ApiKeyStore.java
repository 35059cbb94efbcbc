package dev.cabin.ui.preferences;

import java.io.IOException;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

/**
 * The LLM providers' API keys, encrypted in Eclipse secure storage (one entry per provider), so that they are
 * never in the workspace, in preference files or in exported builds.
 */
public final class ApiKeyStore {

	private static final String NODE = "dev.cabin/llm";

	private final ISecurePreferences root;

	public ApiKeyStore(ISecurePreferences root) {
		this.root = root;
	}

	/** The keys in the user's default secure storage. */
	public static ApiKeyStore standard() {
		return new ApiKeyStore(SecurePreferencesFactory.getDefault());
	}

	/** Stores (encrypted) or, for an empty key, forgets the provider's key. */
	public void store(String provider, String key) throws StorageException, IOException {
		ISecurePreferences node = root.node(NODE);
		if (key == null || key.isEmpty()) {
			node.remove(provider);
		} else {
			node.put(provider, key, true);
		}
		node.flush();
	}

	/** Whether a key is stored for the provider, without decrypting it (no master password asked). */
	public boolean has(String provider) {
		if (!root.nodeExists(NODE)) {
			return false;
		}
		for (String stored : root.node(NODE).keys()) {
			if (stored.equals(provider)) {
				return true;
			}
		}
		return false;
	}

	/** The provider's key (may ask for the master password), or {@code null} when none is stored. */
	public String load(String provider) throws StorageException {
		return root.nodeExists(NODE) ? root.node(NODE).get(provider, null) : null;
	}
}
