package dev.cabin.ui.editor;

import dev.cabin.dsl.ide.CabinIdeSetup;
import dev.cabin.dsl.load.CabinSources;

/**
 * The language services of the Cabin editor: one Xtext injector (runtime and IDE modules) for the workbench,
 * created on first use rather than at bundle activation.
 */
public final class CabinLanguage {

	private CabinLanguage() {
	}

	private static final class Holder {
		static final CabinSources SOURCES = new CabinSources(new CabinIdeSetup().createInjectorAndDoEMFRegistration());
	}

	public static CabinSources sources() {
		return Holder.SOURCES;
	}
}
