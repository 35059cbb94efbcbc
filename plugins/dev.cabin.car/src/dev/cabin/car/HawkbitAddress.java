package dev.cabin.car;

import java.net.URI;
import java.net.URISyntaxException;

/** The {@code --hawkbit URL} option of the fleet commands: an http or https address of a hawkBit server. */
public final class HawkbitAddress {

	private HawkbitAddress() {
	}

	public static URI of(String value) throws UsageException {
		if (value == null) {
			throw new UsageException("name the hawkBit server with --hawkbit URL (e.g. http://hawkbit.example:8080)");
		}
		try {
			URI uri = new URI(value);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getUserInfo() == null && uri.getQuery() == null) {
				return uri;
			}
		} catch (URISyntaxException e) {
			// reported below
		}
		throw new UsageException("--hawkbit needs an http:// or https:// address without credentials, not \""
				+ value + "\"");
	}
}
