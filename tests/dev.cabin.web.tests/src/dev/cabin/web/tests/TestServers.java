package dev.cabin.web.tests;

import java.nio.file.Path;

import dev.cabin.compiler.service.CompileService;
import dev.cabin.compiler.service.IrCache;
import dev.cabin.dsl.ide.CabinInjector;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.web.WebServer;

/** Servers for the tests, all compiling through one service, as the command line's servers do. */
final class TestServers {

	static final CompileService COMPILER = new CompileService(CabinInjector.sources(), OnnxModels.encoders(),
			OnnxModels.files(), IrCache.inMemory());

	private TestServers() {
	}

	/** A server of the workspace on a free port of the loopback interface. */
	static WebServer start(Path workspace) throws Exception {
		return WebServer.start(workspace, "127.0.0.1", 0, COMPILER);
	}
}
