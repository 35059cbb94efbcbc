package dev.cabin.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Puts the served workspace into the browser's {@code initialize} request: Monaco's client initializes with
 * {@code rootUri: null}, and a browser must not choose which folder the server indexes anyway. Whatever root
 * the browser named is replaced. Every other message passes unread.
 */
final class WorkspaceRoot {

	private final String rootUri;
	private final String name;

	WorkspaceRoot(String rootUri, String name) {
		this.rootUri = rootUri;
		this.name = name;
	}

	String supply(String message) {
		if (!message.contains("\"initialize\"")) {
			return message;
		}
		try {
			JsonElement parsed = JsonParser.parseString(message);
			if (!parsed.isJsonObject()) {
				return message;
			}
			JsonObject request = parsed.getAsJsonObject();
			JsonElement method = request.get("method");
			if (method == null || !method.isJsonPrimitive() || !"initialize".equals(method.getAsString())
					|| !(request.get("params") instanceof JsonObject params)) {
				return message;
			}
			params.addProperty("rootUri", rootUri);
			params.remove("rootPath");
			JsonObject folder = new JsonObject();
			folder.addProperty("uri", rootUri);
			folder.addProperty("name", name);
			JsonArray folders = new JsonArray();
			folders.add(folder);
			params.add("workspaceFolders", folders);
			return request.toString();
		} catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
			// not JSON the server could read either: it answers that itself
			return message;
		}
	}
}
