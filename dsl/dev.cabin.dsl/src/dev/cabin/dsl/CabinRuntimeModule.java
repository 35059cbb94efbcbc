package dev.cabin.dsl;


/**
 * Use this class to register components to be used at runtime / without the Equinox extension registry.
 */
public class CabinRuntimeModule extends AbstractCabinRuntimeModule {
}
