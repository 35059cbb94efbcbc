package dev.cabin.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;

import com.google.gson.JsonParser;

import dev.cabin.compiler.service.CompileService;
import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.lab.Corpus;
import dev.cabin.lab.CorpusException;
import dev.cabin.lab.CorpusReader;
import dev.cabin.lab.HtmlReport;
import dev.cabin.lab.JsonReport;
import dev.cabin.lab.LabReport;
import dev.cabin.lab.LabTest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lab tests under {@code /api/lab}, as {@code cabin labtest} runs them:
 * <ul>
 * <li>{@code POST run?agent=A.cabin&corpus=C.jsonl} (or {@code &background=true}, the built-in held-back
 * background of unrelated speech, alone or with a corpus): runs the corpus through the file's first agent,
 * offline, and streams server-sent events: {@code progress} ({@code {"task","done","total"}}), then {@code done}
 * (the figures, as {@code cabin labtest --json} writes them, and the report's id) or {@code error}</li>
 * <li>{@code GET report?id=N}: the HTML report of a run ({@code cabin labtest --html})</li>
 * </ul>
 * One run at a time, and none while a replay measures false accepts (each uses every core); the last
 * {@value #REPORTS_KEPT} reports are kept.
 */
final class LabApi extends ApiServlet {

	private static final long serialVersionUID = 1L;
	private static final Logger LOG = Logger.getLogger(LabApi.class.getName());
	private static final int REPORTS_KEPT = 8;

	private final transient SimulatorEngines engines;
	private final transient CompileService compiler;
	private final transient WorkspacePaths paths;
	private final transient KeptResults<LabReport> reports = new KeptResults<>("lab test run", REPORTS_KEPT);

	LabApi(SimulatorEngines engines) {
		this.engines = engines;
		this.compiler = engines.compiler();
		this.paths = engines.paths();
	}

	@Override
	protected void handle(String operation, HttpServletRequest request, HttpServletResponse response)
			throws IOException, Refusal {
		switch (operation) {
		case "POST /run" -> run(request, response);
		case "GET /report" -> report(reports.get(request.getParameter("id")), response);
		default -> throw noSuch(operation);
		}
	}

	private void run(HttpServletRequest request, HttpServletResponse response) throws IOException, Refusal {
		String agentPath = request.getParameter("agent");
		String corpusPath = request.getParameter("corpus");
		boolean background = "true".equals(request.getParameter("background"));
		if (agentPath == null || corpusPath == null && !background) {
			throw new Refusal(Refusal.BAD_REQUEST,
					"name the agent (?agent=FILE.cabin) and the corpus (&corpus=FILE.jsonl, or &background=true)");
		}
		Corpus corpus = corpusPath == null ? null : corpus(corpusPath);
		if (!engines.measureAlone()) {
			throw new Refusal(Refusal.CONFLICT,
					"a lab test or a replay's false accepts are being measured; wait for them to finish");
		}
		try {
			SimulatorEngines.Compiled compiled = engines.compile(agentPath, false);
			Engine engine = compiled.engine();
			AgentIr agent = compiled.ir().agent(engine.firstAgentId());
			EventStream events = EventStream.open(response);
			try {
				LabReport report = LabTest.measure(engine, agent, corpus, background, compiler.encoders(),
						Runtime.getRuntime().availableProcessors(), events.progress());
				if (report.n() == 0) {
					events.send("error", Map.of("message", report.nothingForTheAgent()));
					return;
				}
				events.send("done", Map.of("report", reports.keep(report), "figures", figures(report)));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				events.send("error", Map.of("message", "the lab test was interrupted"));
			} catch (RuntimeException e) {
				LOG.warning("cabin web: a lab test failed: " + e);
				events.send("error", Map.of("message", "the lab test failed: " + e.getMessage()));
			}
		} finally {
			engines.measured();
		}
	}

	private Corpus corpus(String corpusPath) throws Refusal {
		Path file = paths.resolve(corpusPath);
		CorpusReader.Format format = CorpusReader.Format.ofFile(corpusPath);
		if (format == null || !Files.isRegularFile(file)) {
			throw new Refusal(Refusal.BAD_REQUEST,
					"\"corpus\" must name a .jsonl, .csv or .yml file of the workspace: " + corpusPath);
		}
		try {
			return CorpusReader.read(file, format);
		} catch (CorpusException e) {
			throw new Refusal(Refusal.BAD_REQUEST, e.getMessage().replace(paths.root() + "/", ""));
		}
	}

	/* The figures exactly as cabin labtest --json writes them. */
	private static Object figures(LabReport report) throws IOException {
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		JsonReport.write(report, json);
		return JsonParser.parseString(json.toString(StandardCharsets.UTF_8));
	}

	private static void report(LabReport report, HttpServletResponse response) throws IOException {
		StringWriter html = new StringWriter();
		HtmlReport.write(report, html);
		response.setStatus(200);
		response.setContentType("text/html;charset=utf-8");
		response.setHeader("Cache-Control", "no-store");
		/* the report's own inline script and style only: nothing it shows may load or send anything */
		response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
		try (OutputStream out = response.getOutputStream()) {
			out.write(html.toString().getBytes(StandardCharsets.UTF_8));
		}
	}
}
