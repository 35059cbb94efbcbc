package dev.cabin.dsl.ide.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * What the server logs while a test runs, through java.util.logging (LSP4J, the server's guards) and log4j
 * (Xtext): each entry's text, and whether it carries a stack trace.
 */
final class ServerLog implements AutoCloseable {

	record Entry(String text, boolean withStackTrace) {
	}

	private final List<Entry> entries = new CopyOnWriteArrayList<>();
	private final Handler julHandler = new Handler() {
		@Override
		public void publish(LogRecord record) {
			entries.add(new Entry(record.getMessage(), record.getThrown() != null));
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};
	private final AppenderSkeleton log4jAppender = new AppenderSkeleton() {
		@Override
		protected void append(LoggingEvent event) {
			entries.add(new Entry(event.getRenderedMessage(), event.getThrowableInformation() != null));
		}

		@Override
		public boolean requiresLayout() {
			return false;
		}

		@Override
		public void close() {
		}
	};

	ServerLog() {
		java.util.logging.Logger.getLogger("").addHandler(julHandler);
		Logger.getRootLogger().addAppender(log4jAppender);
	}

	List<Entry> entries() {
		return List.copyOf(entries);
	}

	List<Entry> withStackTraces() {
		return entries.stream().filter(Entry::withStackTrace).toList();
	}

	@Override
	public void close() {
		java.util.logging.Logger.getLogger("").removeHandler(julHandler);
		Logger.getRootLogger().removeAppender(log4jAppender);
	}
}
