package dev.cabin.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.cabin.engine.nlu.Progress;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Server-sent events on a response ({@code text/event-stream}): each event a name and one line of JSON, sent at
 * once. Progress from many threads is sent in order, and only when its percentage moves, so a corpus of
 * thousands of lines sends at most a hundred events per task. A browser that went away ends nothing: the work
 * finishes and its events are dropped.
 */
final class EventStream {

	private final OutputStream out;
	private boolean gone;
	private String lastTask;
	private int lastPercent = -1;

	private EventStream(OutputStream out) {
		this.out = out;
	}

	static EventStream open(HttpServletResponse response) throws IOException {
		response.setStatus(200);
		response.setContentType("text/event-stream;charset=utf-8");
		response.setHeader("Cache-Control", "no-store");
		EventStream stream = new EventStream(response.getOutputStream());
		response.flushBuffer();
		return stream;
	}

	synchronized void send(String event, Object data) {
		if (gone) {
			return;
		}
		try {
			out.write(("event: " + event + "\ndata: " + ApiResponses.toJson(data) + "\n\n")
					.getBytes(StandardCharsets.UTF_8));
			out.flush();
		} catch (IOException e) {
			gone = true;
		}
	}

	/** Progress as {@code progress} events: {@code {"task","done","total"}}. */
	Progress progress() {
		return (task, done, total) -> {
			int percent = total <= 0 ? 100 : (int) (100L * done / total);
			synchronized (this) {
				if (task.equals(lastTask) && percent == lastPercent) {
					return;
				}
				lastTask = task;
				lastPercent = percent;
				send("progress", Map.of("task", task, "done", done, "total", total));
			}
		};
	}
}
