package dev.cabin.dsl.ide.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the server logs to standard error while a test runs: the records of java.util.logging, through which
 * LSP4J and the server's guards log (Xtext's log4j has no appender in {@code cabin lsp}); each record's text, and
 * whether it carries a stack trace.
 */
final class ServerLog implements AutoCloseable {

	record Entry(String logger, String text, boolean withStackTrace) {
	}

	private final List<Entry> entries = new CopyOnWriteArrayList<>();
	private final Handler handler = new Handler() {
		@Override
		public void publish(LogRecord record) {
			entries.add(new Entry(record.getLoggerName(), record.getMessage(), record.getThrown() != null));
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};
	ServerLog() {
		Logger.getLogger("").addHandler(handler);
	}

	List<Entry> entries() {
		return List.copyOf(entries);
	}

	/** The texts of what one logger logged. */
	List<String> from(String logger) {
		return entries.stream().filter(entry -> logger.equals(entry.logger())).map(Entry::text).toList();
	}

	List<Entry> withStackTraces() {
		return entries.stream().filter(Entry::withStackTrace).toList();
	}

	@Override
	public void close() {
		Logger.getLogger("").removeHandler(handler);
	}
}
