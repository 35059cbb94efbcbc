package dev.cabin.engine.pkg;

import java.nio.file.Path;

import dev.cabin.engine.nlu.SentenceModelFiles;

/**
 * How a runtime keeps, in a build slot, the model files that slot's package was checked against: an install
 * extracts them there, hashed as they are written, and a start loads them from there instead of hashing them
 * again, where the runtime can trust that nobody else changed them since.
 */
public interface SlotModels {

	/** The model files to check a package just written into {@code slot} with, extracting them into it. */
	SentenceModelFiles extractingInto(Path slot);

	/** The model files to check the package of an installed {@code slot} with, before its engine starts. */
	SentenceModelFiles installedIn(Path slot);
}
