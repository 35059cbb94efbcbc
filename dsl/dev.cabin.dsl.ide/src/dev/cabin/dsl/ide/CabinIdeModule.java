package dev.cabin.dsl.ide;


/**
 * Use this class to register ide components.
 */
public class CabinIdeModule extends AbstractCabinIdeModule {
}
