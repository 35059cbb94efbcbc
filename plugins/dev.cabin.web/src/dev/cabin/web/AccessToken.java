package dev.cabin.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that opens a {@code cabin web} server, as Jupyter's does: 256 random bits, printed in the URL the
 * command shows, never written anywhere else. Compared in constant time.
 */
final class AccessToken {

	private final String value;

	private AccessToken(String value) {
		this.value = value;
	}

	static AccessToken random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	String value() {
		return value;
	}

	boolean matches(String given) {
		return given != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8));
	}
}
