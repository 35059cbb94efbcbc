package dev.cabin.engine.pkg;

import java.util.List;
import java.util.Map;

/**
 * What a car build contains and needs: the {@code manifest.json} of a {@code .cabinpkg}. The signature covers its
 * bytes, and through {@link #entries} (name, size, SHA-256 of every other entry) the whole package.
 * The format is described in README.md ("Car builds").
 *
 * @param format the package format ({@link PackageFormat#FORMAT}); an engine refuses formats it does not know
 * @param version the build's semantic version; a car refuses to replace a build with an older one
 * @param agents the ids of the agents in the IR
 * @param target the vehicle profile the agents were checked against
 * @param engine the engines that can run the IR
 * @param requires what the head unit must have
 * @param signals the VSS signals the agents read and the actuators they set
 * @param llm whether the agents use an LLM
 * @param models the sentence encoders the IR's embeddings were made with, by file hash
 * @param build how the package was made (no absolute path, no time of day: same inputs, same bytes)
 * @param entries every entry of the package except the manifest and its signature
 */
public record PackageManifest(int format, String version, List<String> agents, Target target,
		EngineRequirement engine, Requirements requires, Signals signals, LlmRequirement llm, List<Model> models,
		Build build, List<Entry> entries) {

	/** @param profile the profile's id; {@code model} and {@code market} as the profile names them */
	public record Target(String profile, String model, String market) {
	}

	/**
	 * @param irFormat the IR format version of {@code ir.json}
	 * @param versions the engine versions that run it, e.g. {@code ">=0.1.0 <0.2.0"}
	 */
	public record EngineRequirement(int irFormat, String versions) {
	}

	/**
	 * @param capabilities head-unit capabilities the agents use: {@code microphone}, {@code display},
	 *        {@code touchscreen}, {@code gazeTracker}, {@code gestureCamera}, {@code driverMonitoring}
	 * @param locales the locales the agents speak
	 * @param memoryBytes an estimate of the memory the engine needs for these agents (models included)
	 */
	public record Requirements(List<String> capabilities, List<String> locales, long memoryBytes) {
	}

	/** VSS paths, sorted. */
	public record Signals(List<String> read, List<String> actuated) {
	}

	/**
	 * @param used whether any flow lets an LLM generate a reply
	 * @param required whether some reply has no authored fallback, so that the agents need an LLM to work
	 * @param profiles the LLM profiles the agents ask for by name (never endpoints or keys)
	 */
	public record LlmRequirement(boolean used, boolean required, List<String> profiles) {
	}

	/**
	 * @param language the language code of {@code ir.json}'s encoders ("en", "zh")
	 * @param id the encoder's model id
	 * @param sha256 the hash of the model's files as the engine ships them
	 */
	public record Model(String language, String id, String sha256) {
	}

	/**
	 * @param toolchain the version of the toolchain that made the package
	 * @param sources the agent source files (by file name) and their SHA-256
	 * @param profileSha256 the SHA-256 of the vehicle profile file, or, when it names VSS tree or overlay files,
	 *        the SHA-256 of the lines of their SHA-256s (the profile's first)
	 */
	public record Build(String toolchain, Map<String, String> sources, String profileSha256) {
	}

	/**
	 * @param size the content's size
	 * @param sha256 the SHA-256 of the content
	 * @param storedSha256 the SHA-256 of the bytes the zip holds (deflated), so that no bit of the file is unsigned
	 */
	public record Entry(String name, long size, String sha256, String storedSha256) {
	}
}
