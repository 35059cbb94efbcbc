package dev.cabin.car.fleet;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bodies of DDI feedback: an action proceeding with a step, or closed with its result and reason. */
final class Feedback {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private Feedback() {
	}

	static Map<String, Object> proceeding(String actionId, String step) {
		return body(actionId, "proceeding", "none", step);
	}

	static Map<String, Object> success(String actionId, String detail) {
		return body(actionId, "closed", "success", detail);
	}

	static Map<String, Object> failure(String actionId, String reason) {
		return body(actionId, "closed", "failure", reason);
	}

	/** Config data: the car's attributes, replacing what it reported before. */
	static Map<String, Object> configData(Map<String, String> attributes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("time", now());
		body.put("status", Map.of("execution", "closed", "result", Map.of("finished", "success")));
		body.put("data", attributes);
		body.put("mode", "replace");
		return body;
	}

	private static Map<String, Object> body(String actionId, String execution, String finished, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", actionId);
		body.put("time", now());
		body.put("status", Map.of("execution", execution, "result", Map.of("finished", finished), "details",
				List.of(detail)));
		return body;
	}

	private static String now() {
		return ZonedDateTime.now(ZoneOffset.UTC).format(TIME);
	}
}
