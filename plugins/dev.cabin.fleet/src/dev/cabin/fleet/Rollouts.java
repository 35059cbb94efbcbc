package dev.cabin.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Assignments and rollouts of published builds, and what hawkBit reports about them. */
public final class Rollouts {

	private static final long READY_TIMEOUT_MILLIS = 120_000;

	private final ManagementApi api;

	public Rollouts(ManagementApi api) {
		this.api = api;
	}

	/** Assigns a build to the named cars at once (forced); the number of cars that got a new action. */
	public int assign(long distributionSetId, List<String> cars) throws HawkbitException {
		List<Map<String, String>> targets = cars.stream().map(car -> Map.of("id", car, "type", "forced")).toList();
		return api.post("/rest/v1/distributionsets/" + distributionSetId + "/assignedTargets", targets)
				.path("assigned").asInt();
	}

	/** Creates the rollout and waits until hawkBit has split the cars into groups; its id. */
	public long create(RolloutPlan plan, long distributionSetId) throws HawkbitException {
		Map<String, Object> rollout = new LinkedHashMap<>();
		rollout.put("name", plan.name());
		rollout.put("distributionSetId", distributionSetId);
		rollout.put("targetFilterQuery", plan.filter());
		rollout.put("amountGroups", plan.groups());
		rollout.put("type", "forced");
		rollout.put("successCondition", Map.of("condition", "THRESHOLD", "expression",
				String.valueOf(plan.successPercent())));
		rollout.put("successAction", Map.of("action", "NEXTGROUP", "expression", ""));
		rollout.put("errorCondition", Map.of("condition", "THRESHOLD", "expression",
				String.valueOf(plan.errorPercent())));
		rollout.put("errorAction", Map.of("action", "PAUSE", "expression", ""));
		long id = api.post("/rest/v1/rollouts", rollout).path("id").asLong();
		awaitReady(id);
		return id;
	}

	private void awaitReady(long id) throws HawkbitException {
		long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
		while ("creating".equals(api.get("/rest/v1/rollouts/" + id).path("status").asText())) {
			if (System.currentTimeMillis() > deadline) {
				throw new HawkbitException("hawkBit was still creating the groups of rollout " + id + " after "
						+ READY_TIMEOUT_MILLIS / 1000 + " s");
			}
			try {
				Thread.sleep(250);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new HawkbitException("interrupted while hawkBit creates rollout " + id, e);
			}
		}
	}

	public void start(long id) throws HawkbitException {
		api.post("/rest/v1/rollouts/" + id + "/start", Map.of());
	}

	public void pause(long id) throws HawkbitException {
		api.post("/rest/v1/rollouts/" + id + "/pause", Map.of());
	}

	public void resume(long id) throws HawkbitException {
		api.post("/rest/v1/rollouts/" + id + "/resume", Map.of());
	}

	/** The id of the rollout of this name, or with this number as id. */
	public long find(String nameOrId) throws HawkbitException {
		JsonNode named = api.get("/rest/v1/rollouts" + ManagementApi.query("name==" + nameOrId)).path("content");
		if (named.size() > 0) {
			return named.get(0).path("id").asLong();
		}
		if (nameOrId.matches("\\d{1,18}")) {
			return api.get("/rest/v1/rollouts/" + nameOrId).path("id").asLong();
		}
		throw new HawkbitException("hawkBit has no rollout named \"" + nameOrId + "\"");
	}

	public RolloutStatus status(long id) throws HawkbitException {
		JsonNode rollout = api.get("/rest/v1/rollouts/" + id);
		long setId = rollout.path("distributionSetId").asLong();
		JsonNode set = api.get("/rest/v1/distributionsets/" + setId);
		List<RolloutStatus.Group> groups = new ArrayList<>();
		List<RolloutStatus.Failure> failures = new ArrayList<>();
		for (JsonNode listed : api.get("/rest/v1/rollouts/" + id + "/deploygroups?limit=500").path("content")) {
			JsonNode group = api.get("/rest/v1/rollouts/" + id + "/deploygroups/" + listed.path("id").asLong());
			RolloutStatus.Group g = new RolloutStatus.Group(group.path("name").asText(), group.path("status").asText(),
					group.path("totalTargets").asLong(), counts(group));
			groups.add(g);
			if (g.counts().getOrDefault("error", 0L) > 0) {
				failures.addAll(failures(id, group.path("id").asLong(), g.name(), setId));
			}
		}
		return new RolloutStatus(id, rollout.path("name").asText(), rollout.path("status").asText(),
				set.path("name").asText() + " " + set.path("version").asText(), rollout.path("totalTargets").asLong(),
				counts(rollout), groups, failures);
	}

	private static Map<String, Long> counts(JsonNode withCounts) {
		Map<String, Long> counts = new LinkedHashMap<>();
		withCounts.path("totalTargetsPerStatus").fields()
				.forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
		return counts;
	}

	/* The cars of a group whose action for this build ended in an error, with the first message of that error. */
	private List<RolloutStatus.Failure> failures(long rolloutId, long groupId, String group, long setId)
			throws HawkbitException {
		List<RolloutStatus.Failure> failures = new ArrayList<>();
		String targets = "/rest/v1/rollouts/" + rolloutId + "/deploygroups/" + groupId + "/targets?limit=500";
		for (JsonNode target : api.get(targets).path("content")) {
			if (!"error".equals(target.path("updateStatus").asText())) {
				continue;
			}
			String car = target.path("controllerId").asText();
			failures.add(new RolloutStatus.Failure(group, car, reason(car, setId)));
		}
		return failures;
	}

	private String reason(String car, long setId) throws HawkbitException {
		String actions = "/rest/v1/targets/" + car + "/actions?sort=id:DESC&limit=50";
		for (JsonNode listed : api.get(actions).path("content")) {
			long actionId = listed.path("id").asLong();
			JsonNode action = api.get("/rest/v1/targets/" + car + "/actions/" + actionId);
			if (!action.path("_links").path("distributionset").path("href").asText().endsWith("/" + setId)) {
				continue;
			}
			String statuses = "/rest/v1/targets/" + car + "/actions/" + actionId + "/status?sort=id:DESC&limit=50";
			for (JsonNode status : api.get(statuses).path("content")) {
				if ("error".equals(status.path("type").asText()) && status.path("messages").size() > 0) {
					return status.path("messages").get(0).asText();
				}
			}
		}
		return "(no reason reported)";
	}
}
