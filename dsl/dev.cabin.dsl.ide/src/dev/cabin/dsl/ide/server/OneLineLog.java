package dev.cabin.dsl.ide.server;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;

/**
 * Xtext's log for a server on streams: one line on standard error per warning or error, the failure's kind and
 * message instead of its stack trace. On a plain class path log4j configures itself from Xtext's own
 * {@code log4j.properties}, which prints every failed request (a rename where nothing can be renamed) with its
 * stack trace; a client must not be able to flood the server's log with them.
 */
final class OneLineLog extends AppenderSkeleton {

	private OneLineLog() {
		setThreshold(Level.WARN);
	}

	/* Replaces whatever log4j configured for itself. */
	static void install() {
		Logger root = Logger.getRootLogger();
		if (!(root.getAppender(OneLineLog.class.getName()) instanceof OneLineLog)) {
			root.removeAllAppenders();
			OneLineLog appender = new OneLineLog();
			appender.setName(OneLineLog.class.getName());
			root.addAppender(appender);
		}
	}

	@Override
	protected void append(LoggingEvent event) {
		StringBuilder line = new StringBuilder("Cabin language server, ").append(event.getLevel()).append(" from ")
				.append(event.getLoggerName()).append(": ").append(Problems.firstLine(String.valueOf(event.getRenderedMessage())));
		ThrowableInformation thrown = event.getThrowableInformation();
		if (thrown != null && thrown.getThrowable() != null) {
			line.append(' ').append(Problems.logLine(thrown.getThrowable()));
		}
		System.err.println(line);
	}

	@Override
	public boolean requiresLayout() {
		return false;
	}

	@Override
	public void close() {
		// nothing held
	}
}
