package dev.cabin.dsl.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.eclipse.emf.ecore.resource.impl.ResourceFactoryRegistryImpl;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.IFileSystemScanner;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;

import dev.cabin.dsl.ide.CabinInjector;
import dev.cabin.dsl.load.CabinResourceSet;

/**
 * The Cabin language server: Xtext's LSP implementation with the Cabin IDE services, speaking the Language
 * Server Protocol over a pair of streams (stdin and stdout for {@code cabin lsp}). It serves until the client
 * sends {@code exit} or closes the input; it never ends the process itself.
 */
public final class CabinLanguageServer {

	/** A running server: done when the client has exited or the connection has closed. */
	public record Running(CompletableFuture<Void> exited, Future<Void> listening) {

		/** Waits until the client sends exit or closes the connection. */
		public void awaitEnd() throws InterruptedException {
			while (!exited.isDone() && !listening.isDone()) {
				try {
					exited.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
				} catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
					// keep waiting: neither exit nor the end of the input yet
				}
			}
		}
	}

	private CabinLanguageServer() {
	}

	public static Running start(InputStream in, OutputStream out) {
		return start(in, out, LspLimits.DEFAULTS);
	}

	/** A server for a client that may be hostile: what it may make the server read is bounded by the limits. */
	public static Running start(InputStream in, OutputStream out, LspLimits limits) {
		CompletableFuture<Void> exited = new CompletableFuture<>();
		LanguageServerImpl server = create(() -> exited.complete(null), false).getInstance(RehearsingLanguageServer.class);
		return new Running(exited, GuardedConnection.listen(server, in, out, limits));
	}

	/**
	 * A server for a client in the same process (Cabin Studio's editor): requests are plain method calls, no
	 * protocol bytes; {@code onExit} runs when the client sends exit.
	 */
	public static LanguageServerImpl inProcess(LanguageClient client, Runnable onExit) {
		LanguageServerImpl server = create(onExit, false).getInstance(RehearsingLanguageServer.class);
		server.connect(client);
		return server;
	}

	/**
	 * The injector of a server for an {@link EditRehearsal}: it indexes no file of its workspace, only the copy
	 * opened in it, and it never rehearses itself.
	 */
	static Injector forRehearsal() {
		return create(() -> {
			// the rehearsal ends by itself
		}, true);
	}

	private static Injector create(Runnable onExit, boolean rehearsal) {
		return Guice.createInjector(Modules.override(new ServerModule()).with(new AbstractModule() {
			@Override
			protected void configure() {
				bind(IResourceServiceProvider.Registry.class).toProvider(CabinLanguageServer::languages).in(Singleton.class);
				bind(XtextResourceSet.class).to(LanguagesResourceSet.class);
				if (rehearsal) {
					bind(IFileSystemScanner.class).toInstance((root, acceptor) -> {
						// the copy is the only document
					});
				} else {
					bind(IFileSystemScanner.class).to(SourceScanner.class);
				}
				bind(SemanticTokensService.class).to(CabinSemanticTokensService.class);
				bind(WorkspaceManager.class).to(ClientVersionedWorkspaceManager.class);
				bind(ILanguageServerShutdownAndExitHandler.class).toInstance(new ILanguageServerShutdownAndExitHandler() {
					@Override
					public void shutdown() {
						// nothing to release before exit
					}

					@Override
					public void exit() {
						onExit.run();
					}
				});
			}
		}));
	}

	/**
	 * The server's resource sets parse each file with the language the server serves, not with whichever
	 * injector last registered {@code .cabin} in EMF's global registry: in Cabin Studio the workbench's own
	 * injector (builder, diagrams) registers it too, and a document parsed by that injector has a node model made
	 * of another copy of the grammar, which the server's content assist parser does not know (its completion then
	 * fails, and answers nothing). Like every Cabin resource set, it reads files under the source policy and
	 * never reaches the network (an import of a URL is not even asked about).
	 */
	static final class LanguagesResourceSet extends CabinResourceSet {

		@Inject
		void parseWith(IResourceServiceProvider.Registry languages) {
			ResourceFactoryRegistryImpl factories = new ResourceFactoryRegistryImpl();
			languages.getExtensionToFactoryMap().forEach((extension, language) -> factories.getExtensionToFactoryMap()
					.put(extension, ((IResourceServiceProvider) language).get(IResourceFactory.class)));
			setResourceFactoryRegistry(factories);
		}
	}

	/*
	 * The registry holds the Cabin language of the process' one injector directly: no service loader, so it works
	 * on a class path and in OSGi.
	 */
	private static IResourceServiceProvider.Registry languages() {
		IResourceServiceProvider.Registry registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put("cabin", CabinInjector.get().getInstance(IResourceServiceProvider.class));
		return registry;
	}
}
