package dev.cabin.fleet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A Management API account, taken from the environment ({@value #USER}, {@value #PASSWORD}) and never from the
 * command line, where other users of the machine and shell histories would see it. {@link #toString()} hides the
 * password.
 */
public final class HawkbitCredentials {

	public static final String USER = "CABIN_HAWKBIT_USER";
	public static final String PASSWORD = "CABIN_HAWKBIT_PASSWORD";

	private final String user;
	private final String password;

	public HawkbitCredentials(String user, String password) {
		this.user = user;
		this.password = password;
	}

	/** The account of the environment's variables; a message naming them when one is missing. */
	public static HawkbitCredentials fromEnvironment(Map<String, String> environment) throws HawkbitException {
		String user = environment.get(USER);
		String password = environment.get(PASSWORD);
		if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
			throw new HawkbitException("set " + USER + " and " + PASSWORD + " to the hawkBit account that publishes"
					+ " (they are read from the environment only, never from the command line)");
		}
		return new HawkbitCredentials(user, password);
	}

	/** The HTTP Basic authorization for a tenant; hawkBit names a user of another tenant TENANT\\user. */
	String authorization(String tenant) {
		String name = tenant == null || tenant.equals(ManagementApi.DEFAULT_TENANT) ? user : tenant + "\\" + user;
		return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "hawkBit user " + user;
	}
}
