package dev.cabin.dsl;


/**
 * Initialization support for running Xtext languages without Equinox extension registry.
 */
public class CabinStandaloneSetup extends CabinStandaloneSetupGenerated {

	public static void doSetup() {
		new CabinStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
