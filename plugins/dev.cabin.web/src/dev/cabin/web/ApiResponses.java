package dev.cabin.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.google.gson.Gson;

import jakarta.servlet.http.HttpServletResponse;

/** JSON answers of the server's APIs: never cached, refusals as {@code {"error": reason}}. */
final class ApiResponses {

	private static final Gson JSON = new Gson();

	private ApiResponses() {
	}

	static void json(HttpServletResponse response, int status, Object value) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=utf-8");
		response.setHeader("Cache-Control", "no-store");
		response.getOutputStream().write(JSON.toJson(value).getBytes(StandardCharsets.UTF_8));
	}

	static String toJson(Object value) {
		return JSON.toJson(value);
	}
}
