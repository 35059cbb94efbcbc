package dev.cabin.web;

import dev.cabin.dsl.ide.server.LspLimits;

/**
 * What one browser may make the server read, hold or start.
 *
 * @param maxFileBytes   the bytes of one file read or saved (a save's request body too)
 * @param maxTreeEntries the files and folders of the workspace's tree
 * @param maxSessions    language server sessions open at once (one per browser tab)
 * @param lsp            what one language server session may be sent ({@code cabin lsp}'s limits)
 * @param maxSimSessions simulator sessions open at once
 * @param maxSimMessageChars the characters of one message to a simulator session (an event, or a load)
 */
record WebLimits(int maxFileBytes, int maxTreeEntries, int maxSessions, LspLimits lsp, int maxSimSessions,
		int maxSimMessageChars) {

	/*
	 * An agent's sources are far smaller than 16 MiB; the tree of a project folder far smaller than 20,000. A team
	 * of authors each with a simulator or two stays under 32 sessions; an event is a line of JSON.
	 */
	static final WebLimits DEFAULTS = new WebLimits(16 * 1024 * 1024, 20_000, 16, LspLimits.DEFAULTS, 32,
			64 * 1024);

	/** The largest request body: a file, and the JSON around it. */
	long maxRequestBytes() {
		return maxFileBytes() + 64 * 1024L;
	}
}
