package dev.cabin.web;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jetty.ee10.websocket.jakarta.server.config.ContainerDefaultConfigurator;

import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Makes an endpoint of its own for every WebSocket connection, with what the server gives it. Everything else
 * is Jetty's default, named directly: the API's own default looks Jetty's up with a service loader, which finds
 * nothing inside OSGi (the tests run there). The Origin was already checked by the {@link AccessGate}.
 */
final class EndpointFactory extends ServerEndpointConfig.Configurator {

	private final ServerEndpointConfig.Configurator jetty = new ContainerDefaultConfigurator();
	private final Supplier<? extends Endpoint> endpoints;

	private EndpointFactory(Supplier<? extends Endpoint> endpoints) {
		this.endpoints = endpoints;
	}

	static ServerEndpointConfig endpoint(String path, Class<? extends Endpoint> type,
			Supplier<? extends Endpoint> endpoints) {
		return ServerEndpointConfig.Builder.create(type, path).configurator(new EndpointFactory(endpoints)).build();
	}

	@Override
	public <T> T getEndpointInstance(Class<T> endpointClass) {
		return endpointClass.cast(endpoints.get());
	}

	@Override
	public ServerEndpointConfig.Configurator getContainerDefaultConfigurator() {
		return jetty;
	}

	@Override
	public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
		return jetty.getNegotiatedSubprotocol(supported, requested);
	}

	@Override
	public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
		return jetty.getNegotiatedExtensions(installed, requested);
	}

	@Override
	public boolean checkOrigin(String originHeaderValue) {
		return true;
	}

	@Override
	public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
		jetty.modifyHandshake(config, request, response);
	}
}
