package dev.cabin.dsl.ide.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.UnaryOperator;

import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A client whose diagnostics pass through a function before they reach it; everything else reaches it as sent.
 * Xtext publishes from inside its build, the one place that knows what was built: the function adds what Xtext
 * leaves out, or holds back what the client must not see.
 */
final class PublishedDiagnostics {

	private PublishedDiagnostics() {
	}

	/** @param mapping the diagnostics to pass on, or {@code null} to pass on nothing */
	static LanguageClient mapped(LanguageClient client, UnaryOperator<PublishDiagnosticsParams> mapping) {
		return (LanguageClient) Proxy.newProxyInstance(LanguageClient.class.getClassLoader(),
				new Class<?>[] { LanguageClient.class }, (proxy, method, arguments) -> {
					Object[] passed = arguments;
					if (method.getName().equals("publishDiagnostics")
							&& arguments[0] instanceof PublishDiagnosticsParams published) {
						PublishDiagnosticsParams mappedDiagnostics = mapping.apply(published);
						if (mappedDiagnostics == null) {
							return null;
						}
						passed = new Object[] { mappedDiagnostics };
					}
					try {
						return method.invoke(client, passed);
					} catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}
}
