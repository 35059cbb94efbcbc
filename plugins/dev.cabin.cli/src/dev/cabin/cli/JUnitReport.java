package dev.cabin.cli;

import static dev.cabin.lab.Markup.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.conversation.ConversationRunner;

/** Conversation test results as JUnit XML, which CI servers show: one test suite per agent. */
final class JUnitReport {

	private final Map<String, List<ConversationRunner.Result>> byAgent = new LinkedHashMap<>();

	void add(ConversationRunner.Result result) {
		byAgent.computeIfAbsent(result.agent(), a -> new ArrayList<>()).add(result);
	}

	String toXml() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
		byAgent.forEach((agent, results) -> {
			long failures = results.stream().filter(r -> !r.passed()).count();
			double seconds = results.stream().mapToLong(ConversationRunner.Result::millis).sum() / 1000.0;
			xml.append("  <testsuite name=\"").append(escape(agent)).append("\" tests=\"").append(results.size())
					.append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"")
					.append(seconds).append("\">\n");
			for (ConversationRunner.Result result : results) {
				xml.append("    <testcase classname=\"").append(escape(agent)).append("\" name=\"")
						.append(escape(result.test())).append("\" file=\"").append(escape(result.source()))
						.append("\" line=\"").append(result.line()).append("\" time=\"").append(result.millis() / 1000.0)
						.append("\"");
				if (result.passed()) {
					xml.append("/>\n");
					continue;
				}
				xml.append(">\n      <failure message=\"").append(escape(result.failures().get(0).toString()))
						.append("\">").append(escape(String.join("\n", result.failures().stream().map(Object::toString).toList())
								+ "\n\n" + String.join("\n", result.transcript())))
						.append("</failure>\n    </testcase>\n");
			}
			xml.append("  </testsuite>\n");
		});
		return xml.append("</testsuites>\n").toString();
	}
}
