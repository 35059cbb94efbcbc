package dev.cabin.web;

import java.util.Set;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The door every request passes before anything else sees it: without the access token it is answered 401; a
 * WebSocket handshake or a change (any method but GET and HEAD) sent by a page of another origin is answered 403,
 * so that another site open in the same browser can neither talk to the language server nor change files.
 * <p>
 * The token comes in the URL that {@code cabin web} prints ({@code ?token=}); the first page request carrying it
 * gets it as a cookie (HttpOnly, SameSite=Strict, named after the port so two servers on one host do not
 * overwrite each other's) and is sent to the same page without it, so the token does not stay in the address
 * bar or the history. Scripts and tests may send it as {@code Authorization: Bearer}.
 */
final class AccessGate extends Handler.Wrapper {

	static final String TOKEN_PARAMETER = "token";
	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

	private final AccessToken token;

	AccessGate(AccessToken token, Handler next) {
		super(next);
		this.token = token;
	}

	static String cookieName(int port) {
		return "cabin-token-" + port;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		response.getHeaders().put("X-Content-Type-Options", "nosniff");
		response.getHeaders().put("X-Frame-Options", "DENY");
		response.getHeaders().put("Referrer-Policy", "no-referrer");
		String inUrl = Request.extractQueryParameters(request).getValue(TOKEN_PARAMETER);
		String cookieName = cookieName(Request.getLocalPort(request));
		if (!token.matches(inUrl) && !token.matches(cookie(request, cookieName)) && !token.matches(bearer(request))) {
			Response.writeError(request, response, callback, 401,
					"Open the URL that cabin web printed: it carries the access token");
			return true;
		}
		boolean upgrade = "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
		if ((upgrade || !SAFE_METHODS.contains(request.getMethod())) && !sameOrigin(request)) {
			Response.writeError(request, response, callback, 403, "Refused: the request comes from another site");
			return true;
		}
		if (inUrl != null && !upgrade && "GET".equals(request.getMethod())) {
			Response.putCookie(response, HttpCookie.build(cookieName, token.value()).httpOnly(true)
					.sameSite(HttpCookie.SameSite.STRICT).path("/").build());
			Response.sendRedirect(request, response, callback, 303, request.getHttpURI().getPath(), false);
			return true;
		}
		return super.handle(request, response, callback);
	}

	private static String cookie(Request request, String name) {
		for (HttpCookie cookie : Request.getCookies(request)) {
			if (cookie.getName().equals(name)) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static String bearer(Request request) {
		String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
		return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
	}

	/* A request without an Origin is not a browser page's (browsers always send it with these requests). */
	private static boolean sameOrigin(Request request) {
		String origin = request.getHeaders().get(HttpHeader.ORIGIN);
		String host = request.getHeaders().get(HttpHeader.HOST);
		return origin == null || host != null && origin.equals(request.getHttpURI().getScheme() + "://" + host);
	}
}
