package dev.cabin.ui.language;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Xtext reports the failures of the language server's services (a completion, a build) through log4j, which
 * has no appender in the workbench: this one prints its warnings and errors, with their stack traces, to the
 * workbench's standard error (the console it was started from, the test run's output), so that they are seen
 * instead of lost.
 */
final class XtextLog extends AppenderSkeleton {

	private XtextLog() {
		setThreshold(Level.WARN);
	}

	/* Once, before the server starts. */
	static void install() {
		Logger root = Logger.getRootLogger();
		if (root.getAppender(XtextLog.class.getName()) == null) {
			XtextLog appender = new XtextLog();
			appender.setName(XtextLog.class.getName());
			root.addAppender(appender);
		}
	}

	@Override
	protected void append(LoggingEvent event) {
		StringBuilder text = new StringBuilder().append("Cabin language server, ").append(event.getLevel())
				.append(" from ").append(event.getLoggerName()).append(": ").append(event.getRenderedMessage());
		String[] stack = event.getThrowableStrRep();
		if (stack != null) {
			for (String line : stack) {
				text.append(System.lineSeparator()).append(line);
			}
		}
		System.err.println(text);
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
