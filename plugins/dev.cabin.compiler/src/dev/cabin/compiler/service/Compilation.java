package dev.cabin.compiler.service;

import java.util.List;

import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.ir.CabinIr;

/**
 * The IR of a compile and how it was obtained.
 *
 * @param fromCache whether it was kept from an earlier compile of the same sources (nothing was embedded or
 *        trained)
 * @param millis how long the compile took, the cache lookup included
 * @param warnings what the compile stage warns about ({@link FalseAcceptWarnings})
 */
public record Compilation(CabinIr ir, boolean fromCache, long millis, List<Problem> warnings) {

	public Compilation {
		warnings = List.copyOf(warnings);
	}
}
