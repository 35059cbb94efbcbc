package dev.cabin.dsl.ide;

import com.google.inject.Injector;

import dev.cabin.dsl.load.CabinSources;

/**
 * The one Xtext injector of the Cabin language in a process, created on first use: the runtime module with the
 * IDE module on top. The IDE module only adds bindings (content assist, hover, symbols, code actions), which
 * the language server cannot do without and which the rest leaves unused, so one injector serves the language
 * server, Cabin Studio's editor, builder and views, and the command line alike. One, because every injector
 * registers {@code .cabin} in EMF's global registry and makes its own copy of the grammar: a document parsed by
 * one injector has a node model that the content assist of another does not know.
 */
public final class CabinInjector {

	private CabinInjector() {
	}

	private static final class Holder {
		static final Injector INJECTOR = new CabinIdeSetup().createInjectorAndDoEMFRegistration();
		static final CabinSources SOURCES = new CabinSources(INJECTOR);
	}

	public static Injector get() {
		return Holder.INJECTOR;
	}

	/** Sources loaded and validated with the process' injector. */
	public static CabinSources sources() {
		return Holder.SOURCES;
	}
}
