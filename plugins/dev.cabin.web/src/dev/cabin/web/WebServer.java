package dev.cabin.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import dev.cabin.compiler.service.CompileService;
import dev.cabin.dsl.ide.CabinInjector;
import dev.cabin.export.SigningKey;
import dev.cabin.web.glsp.DiagramSources;
import dev.cabin.web.glsp.GlspEndpoints;
import dev.cabin.web.glsp.GlspSocket;
import jakarta.websocket.Endpoint;

/**
 * The {@code cabin web} server: one Jetty for the page, the files ({@code /api}), the language server
 * ({@code /lsp}), simulator sessions ({@code /sim}, their cabin plan at {@code /api/sim}) and flow diagrams
 * ({@code /glsp}, Eclipse GLSP), behind the {@link AccessGate}. Requests are bounded in size (headers, bodies,
 * WebSocket messages); error pages say what went wrong in a sentence and never show a stack trace.
 */
public final class WebServer implements AutoCloseable {

	private static final int MAX_HEADER_BYTES = 16 * 1024;
	private static final int MAX_THREADS = 64;
	private static final long SOCKET_IDLE_MS = 60L * 60 * 1000;

	private final Server server;
	private final ServerConnector connector;
	private final AccessToken token;

	private WebServer(Server server, ServerConnector connector, AccessToken token) {
		this.server = server;
		this.connector = connector;
		this.token = token;
	}

	/**
	 * Serves a workspace folder on a host and port (0: any free port) until closed; its simulator sessions compile
	 * through the given service, the process' one.
	 */
	public static WebServer start(Path workspace, String host, int port, CompileService compiler) throws Exception {
		return start(workspace, host, port, compiler, null);
	}

	/**
	 * As {@link #start(Path, String, int, CompileService)}, signing the car packages its Export panel builds with
	 * the key (none: builds are refused, saying how to give one).
	 */
	public static WebServer start(Path workspace, String host, int port, CompileService compiler, SigningKey key)
			throws Exception {
		return start(workspace, host, port, compiler, key, WebLimits.DEFAULTS);
	}

	static WebServer start(Path workspace, String host, int port, CompileService compiler, SigningKey key,
			WebLimits limits) throws Exception {
		WorkspacePaths paths = new WorkspacePaths(workspace);
		QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS);
		threads.setName("cabin-web");
		Server server = new Server(threads);
		HttpConfiguration http = new HttpConfiguration();
		http.setSendServerVersion(false);
		http.setSendXPoweredBy(false);
		http.setRequestHeaderSize(MAX_HEADER_BYTES);
		ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
		connector.setHost(host);
		connector.setPort(port);
		server.addConnector(connector);

		WorkspaceFiles files = new WorkspaceFiles(paths, limits);
		SimulatorEngines engines = new SimulatorEngines(paths, compiler, System.getenv());
		ConversationTestWriter testWriter = new ConversationTestWriter(files, compiler);
		ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
		context.addServlet(new ServletHolder(new FilesApi(paths, files, limits)), "/api/*");
		context.addServlet(new ServletHolder(new LabApi(engines)), "/api/lab/*");
		context.addServlet(new ServletHolder(new ExportApi(compiler, paths, key)), "/api/export/*");
		context.addServlet(new ServletHolder(new SimulatorApi()), "/api/sim/*");
		context.addServlet(new ServletHolder(new PageResources()), "/");
		context.setErrorHandler(ErrorPages.context());
		WorkspaceRoot root = new WorkspaceRoot(paths.root().toUri().toString(),
				String.valueOf(paths.root().getFileName()));
		AtomicInteger sessions = new AtomicInteger();
		AtomicInteger simulations = new AtomicInteger();
		Supplier<Endpoint> diagrams = GlspEndpoints.of(new DiagramSources(relative -> {
			try {
				return paths.resolve(relative);
			} catch (Refusal refusal) {
				throw new IOException(refusal.getMessage());
			}
		}, compiler));
		JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
			container.setDefaultMaxTextMessageBufferSize(limits.lsp().maxMessageBytes());
			/*
			 * Jetty closes a socket after 30 s without a message; an author reads, thinks or waits for a lab test
			 * longer than that, and the editor and the simulator must still be there.
			 */
			container.setDefaultMaxSessionIdleTimeout(SOCKET_IDLE_MS);
			container.addEndpoint(EndpointFactory.endpoint("/lsp", LspSocket.class,
					() -> new LspSocket(root, limits.lsp(), sessions, limits.maxSessions())));
			container.addEndpoint(EndpointFactory.endpoint("/sim", SimSocket.class,
					() -> new SimSocket(engines, testWriter, simulations, limits.maxSimSessions(), limits.maxSimMessageChars())));
			container.addEndpoint(EndpointFactory.endpoint("/glsp", GlspSocket.class, diagrams));
		});

		AccessToken token = AccessToken.random();
		SizeLimitHandler bounded = new SizeLimitHandler(limits.maxRequestBytes(), -1);
		bounded.setHandler(context);
		server.setHandler(new AccessGate(token, bounded));
		server.setErrorHandler(ErrorPages.server());
		server.setStopTimeout(2000);
		server.start();
		warmUpTheLanguage();
		return new WebServer(server, connector, token);
	}

	/*
	 * The Cabin language (grammar, scopes, the VSS catalogue) takes seconds to set up the first time; done while
	 * the author opens the URL, the first editor session does not wait for it.
	 */
	private static void warmUpTheLanguage() {
		Thread warmUp = new Thread(CabinInjector::get, "cabin-web-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

	public int port() {
		return connector.getLocalPort();
	}

	/** The address to open, with the access token. */
	public URI url() {
		String host = connector.getHost() == null || connector.getHost().isEmpty() ? "127.0.0.1" : connector.getHost();
		return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/?"
				+ AccessGate.TOKEN_PARAMETER + "=" + token.value());
	}

	/** Waits until the server stops. */
	public void join() throws InterruptedException {
		server.join();
	}

	@Override
	public void close() throws IOException {
		try {
			server.stop();
		} catch (Exception e) {
			throw new IOException("the server did not stop: " + e.getMessage(), e);
		}
	}
}
