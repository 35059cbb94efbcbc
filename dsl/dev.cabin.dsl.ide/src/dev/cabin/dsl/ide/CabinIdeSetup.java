package dev.cabin.dsl.ide;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.cabin.dsl.CabinRuntimeModule;
import dev.cabin.dsl.CabinStandaloneSetup;
import org.eclipse.xtext.util.Modules2;

/**
 * Initialization support for running Xtext languages as language servers.
 */
public class CabinIdeSetup extends CabinStandaloneSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new CabinRuntimeModule(), new CabinIdeModule()));
	}
	
}
