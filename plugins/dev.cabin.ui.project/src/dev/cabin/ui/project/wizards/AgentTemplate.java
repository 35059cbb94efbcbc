package dev.cabin.ui.project.wizards;

/** The text of a new agent file: a small agent that checks without problems, to grow from. */
final class AgentTemplate {

	private AgentTemplate() {
	}

	/** The agent's name from a file name: {@code my-agent.cabin} gives {@code MyAgent}. */
	static String agentName(String fileName) {
		String base = fileName.endsWith(".cabin") ? fileName.substring(0, fileName.length() - ".cabin".length()) : fileName;
		StringBuilder name = new StringBuilder();
		boolean upper = true;
		for (char c : base.toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			} else {
				upper = true;
			}
		}
		if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
			name.insert(0, "Agent");
		}
		return name.toString();
	}

	static String text(String agentName) {
		return """
				agent %s "%s" {
					locales en-US

					intent Greeting {
						en-US: "hello", "hi there", "good morning"
					}

					on voice Greeting -> flow Welcome

					flow Welcome {
						say en-US "Hello! What can I do for you?"
						end
					}
				}
				""".formatted(agentName, agentName);
	}
}
