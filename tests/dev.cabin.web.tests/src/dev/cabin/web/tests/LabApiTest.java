package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.cabin.web.WebServer;

/**
 * {@code /api/lab}: the Lab panel's lab test of an agent on a corpus of the workspace, its progress streamed as
 * server-sent events, its figures as {@code cabin labtest --json} writes them, its HTML report; refusals.
 */
class LabApiTest {

	private static final String AGENT = "cabin-comfort/cabin-comfort.cabin";
	private static final Pattern EVENT = Pattern.compile("event: (\\w+)\ndata: (.*)\n\n");

	@TempDir
	static Path workspace;
	private static WebServer server;
	private static WebClient client;

	@BeforeAll
	static void startTheServer() throws Exception {
		ExampleWorkspace.of(workspace, "cabin-comfort");
		Files.writeString(workspace.resolve("broken.jsonl"),
				"{\"text\":\"open the sunroof\",\"intent\":\"OpenSunroof\"}\n{\"text\": \n");
		server = TestServers.start(workspace);
		client = new WebClient(server);
	}

	@AfterAll
	static void stopTheServer() throws Exception {
		server.close();
	}

	private static HttpResponse<String> run(String query) throws Exception {
		return client.send(client.authorized("/api/lab/run?" + query).timeout(WebClient.LONG_WORK)
				.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** The events of a stream, in order, each name with its data (the last of each name kept). */
	private static Map<String, List<JsonObject>> events(String stream) {
		Map<String, List<JsonObject>> events = new LinkedHashMap<>();
		Matcher event = EVENT.matcher(stream);
		while (event.find()) {
			events.computeIfAbsent(event.group(1), name -> new java.util.ArrayList<>())
					.add(JsonParser.parseString(event.group(2)).getAsJsonObject());
		}
		return events;
	}

	@Test
	void aLabTestStreamsItsProgressThenTheFiguresAndKeepsTheHtmlReport() throws Exception {
		HttpResponse<String> response = run("agent=" + AGENT + "&corpus=cabin-comfort/labtest-en.jsonl");

		assertEquals(200, response.statusCode(), response.body());
		assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
		Map<String, List<JsonObject>> events = events(response.body());
		assertEquals(List.of("progress", "done"), List.copyOf(events.keySet()), response.body());
		JsonObject last = events.get("progress").get(events.get("progress").size() - 1);
		assertEquals(last.get("total").getAsInt(), last.get("done").getAsInt(), last.toString());
		JsonObject figures = events.get("done").get(0).getAsJsonObject("figures");
		assertEquals("CabinComfort", figures.get("agent").getAsString());
		assertEquals(128, figures.get("n").getAsInt(), figures.toString());
		double accuracy = figures.get("in_scope_accuracy").getAsDouble();
		System.out.println("figure: cabin-comfort on labtest-en.jsonl through /api/lab: in-scope accuracy " + accuracy);
		assertTrue(accuracy > 0.5, figures.toString());
		assertTrue(figures.getAsJsonObject("confusion").getAsJsonArray("labels").size() > 1, figures.toString());

		int report = events.get("done").get(0).get("report").getAsInt();
		HttpResponse<String> html = client.get("/api/lab/report?id=" + report);
		assertEquals(200, html.statusCode());
		assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
		assertTrue(html.body().contains("CabinComfort") && html.body().contains("<svg"), html.body());
		assertEquals(404, client.get("/api/lab/report?id=" + (report + 100)).statusCode());
	}

	@Test
	void theBackgroundGivesFalseAcceptsPerThousand() throws Exception {
		HttpResponse<String> response = run("agent=" + AGENT + "&background=true");

		Map<String, List<JsonObject>> events = events(response.body());
		assertTrue(events.containsKey("done"), response.body());
		JsonObject falseAccepts = events.get("done").get(0).getAsJsonObject("figures").getAsJsonObject("false_accepts");
		assertTrue(falseAccepts.get("lines").getAsInt() > 100, falseAccepts.toString());
		double perThousand = falseAccepts.get("per_1000").getAsDouble();
		System.out.println("figure: cabin-comfort on the held-back background through /api/lab: " + perThousand
				+ " false accepts per 1,000");
		assertTrue(perThousand >= 0 && perThousand <= 1000, falseAccepts.toString());
	}

	@Test
	void badInputIsRefusedWithASentenceAndALocation() throws Exception {
		HttpResponse<String> broken = run("agent=" + AGENT + "&corpus=broken.jsonl");
		HttpResponse<String> outside = run("agent=" + AGENT + "&corpus=../etc/passwd");
		HttpResponse<String> noCorpus = run("agent=" + AGENT);
		HttpResponse<String> notACorpus = run("agent=" + AGENT + "&corpus=" + AGENT);
		HttpResponse<String> noAgent = run("agent=missing.cabin&corpus=broken.jsonl");

		assertEquals(400, broken.statusCode(), broken.body());
		assertTrue(broken.body().contains("\"broken.jsonl:2:"), broken.body());
		assertEquals(403, outside.statusCode(), outside.body());
		assertEquals(400, noCorpus.statusCode());
		assertTrue(noCorpus.body().contains("background"), noCorpus.body());
		assertEquals(400, notACorpus.statusCode(), notACorpus.body());
		assertTrue(noAgent.statusCode() == 400 || noAgent.statusCode() == 404, noAgent.body());
		for (HttpResponse<String> refused : List.of(broken, outside, noCorpus, notACorpus, noAgent)) {
			assertTrue(refused.body().startsWith("{\"error\":"), refused.body());
			assertFalse(refused.body().contains("Exception") || refused.body().contains("\tat "), refused.body());
		}
	}

	@Test
	void withoutTheTokenOrFromAnotherSiteNoLabTestRuns() throws Exception {
		String query = "/api/lab/run?agent=" + AGENT + "&corpus=cabin-comfort/labtest-en.jsonl";
		HttpResponse<String> noToken = client.send(client.request(query).POST(HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> foreign = client.send(client.request(query).header("Authorization", "Bearer " + client.token)
				.header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> reportWithoutToken = client.send(client.request("/api/lab/report?id=1").GET());

		assertEquals(401, noToken.statusCode());
		assertEquals(403, foreign.statusCode());
		assertEquals(401, reportWithoutToken.statusCode());
	}
}
