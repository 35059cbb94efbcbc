package dev.cabin.web.glsp;

import java.util.function.Supplier;

import org.eclipse.glsp.server.di.ServerModule;
import org.eclipse.glsp.server.websocket.WebsocketModule;

import com.google.inject.Guice;
import com.google.inject.Injector;

import jakarta.websocket.Endpoint;

/**
 * {@code /glsp}: Eclipse GLSP's server endpoint ({@link GlspSocket}), one per browser connection, each with its own GLSP server and
 * client sessions, all made by one injector holding the Cabin diagram module.
 */
public final class GlspEndpoints {

	private GlspEndpoints() {
	}

	/** Makes an endpoint for each connection; the injector is made once, here. */
	public static Supplier<Endpoint> of(DiagramSources sources) {
		Injector injector = Guice.createInjector(
				new ServerModule().configureDiagramModule(new CabinDiagramModule(sources)), new WebsocketModule());
		return () -> injector.getInstance(GlspSocket.class);
	}
}
