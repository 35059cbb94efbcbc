package dev.cabin.benchmarks;

/**
 * A large agent for the language benchmarks: {@code intents} intents of {@code utterances} examples each (half
 * English, half Chinese, one per line as authors list them after their locale, all different), a voice trigger per intent, {@code flows} flows that
 * branch on a signal, call a tool and answer in both locales, and a driving policy. With the defaults (1,000 x 20
 * and 200 flows) it has about 25,000 lines and checks without problems.
 */
final class GeneratedAgent {

	private static final String[] VERBS = { "show", "tell me", "check", "explain", "find", "open", "start", "read",
			"play", "set" };
	private static final String[] THINGS = { "the route", "my tires", "the battery", "the weather", "the seats",
			"the mirrors", "the lights", "the music", "the news", "the calendar" };
	private static final String[] CHINESE = { "打开", "查看", "检查", "解释", "播放", "设置", "查找", "关闭", "读出", "开始" };

	private GeneratedAgent() {
	}

	static String text(int intents, int utterances, int flows) {
		return text("Generated", intents, utterances, flows);
	}

	/** The same agent under another name, so that many of them can share a file. */
	static String text(String name, int intents, int utterances, int flows) {
		StringBuilder text = new StringBuilder(2_000_000);
		text.append("agent ").append(name).append(" \"").append(name).append("\" {\n\tlocales en-US, zh-CN\n");
		text.append("\ttool work.start(task: number) \"Runs a task\" -> handler \"work.start\"\n");
		for (int i = 0; i < intents; i++) {
			text.append("\tintent Task").append(i).append(" {\n");
			for (int u = 0; u < utterances; u++) {
				if (u == 0) {
					text.append("\t\ten-US: ");
				} else if (u == utterances / 2) {
					text.append("\n\t\tzh-CN: ");
				} else {
					text.append(",\n\t\t\t");
				}
				if (u < utterances / 2) {
					text.append('"').append(VERBS[u % VERBS.length]).append(' ')
							.append(THINGS[(u / VERBS.length + i) % THINGS.length]).append(" for task ").append(i)
							.append(" variant ").append(u).append('"');
				} else {
					text.append('"').append(CHINESE[u % CHINESE.length]).append("第").append(i).append("号任务的第")
							.append(u).append("种说法\"");
				}
			}
			text.append('\n');
			text.append("\t}\n");
			text.append("\ton voice Task").append(i).append(" -> flow Flow").append(i % flows).append('\n');
		}
		for (int f = 0; f < flows; f++) {
			text.append("\tflow Flow").append(f).append(" {\n")
					.append("\t\tbranch {\n")
					.append("\t\t\twhen Vehicle.Speed > ").append(f % 120).append(" {\n")
					.append("\t\t\t\tsay en-US \"Task ").append(f).append(" later.\" zh-CN \"稍后处理任务").append(f).append("。\"\n")
					.append("\t\t\t}\n")
					.append("\t\t\totherwise {\n")
					.append("\t\t\t\tcall work.start(task: ").append(f).append(")\n")
					.append("\t\t\t\tsay en-US \"Task ").append(f).append(" done.\" zh-CN \"任务").append(f).append("已完成。\"\n")
					.append("\t\t\t}\n")
					.append("\t\t}\n")
					.append("\t\tend\n")
					.append("\t}\n");
		}
		text.append("\tpolicy driving when Vehicle.Speed > 0 {\n\t\tmax words 12\n\t\tno screen text\n\t}\n");
		text.append("}\n");
		return text.toString();
	}
}
