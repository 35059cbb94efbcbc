package dev.cabin.web.glsp;

import org.eclipse.glsp.server.websocket.GLSPServerEndpoint;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * GLSP's WebSocket endpoint for one browser tab. A diagram is quiet while the author only reads it, so its
 * connection does not time out when idle (Jetty's default would close it after 30 s); it ends when the tab closes.
 */
public final class GlspSocket extends GLSPServerEndpoint {

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		session.setMaxIdleTimeout(0);
		super.onOpen(session, config);
	}
}
