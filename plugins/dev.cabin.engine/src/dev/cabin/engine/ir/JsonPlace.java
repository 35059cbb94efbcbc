package dev.cabin.engine.ir;

import com.fasterxml.jackson.core.JsonLocation;

/** Where in a JSON document (an IR, a package's manifest) a problem is, for messages. */
public final class JsonPlace {

	private JsonPlace() {
	}

	/** {@code " (line L, column C)"}, or nothing when the parser does not know the place. */
	public static String of(JsonLocation location) {
		return location == null || location.getLineNr() < 0 ? ""
				: " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}
}
