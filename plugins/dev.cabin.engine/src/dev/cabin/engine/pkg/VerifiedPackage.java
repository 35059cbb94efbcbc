package dev.cabin.engine.pkg;

import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * A package that passed every check of {@link PackageVerifier}: the only way to get an engine out of a
 * {@code .cabinpkg}. Only the verifier creates one.
 */
public final class VerifiedPackage {

	private final long size;
	private final PackageManifest manifest;
	private final String signer;
	private final CabinIr ir;

	VerifiedPackage(long size, PackageManifest manifest, String signer, CabinIr ir) {
		this.size = size;
		this.manifest = manifest;
		this.signer = signer;
		this.ir = ir;
	}

	public PackageManifest manifest() {
		return manifest;
	}

	public SemanticVersion version() {
		return SemanticVersion.parse(manifest.version());
	}

	/** The key id of the key that signed it (the trusted key). */
	public String signer() {
		return signer;
	}

	/** The package's size in bytes. */
	public long size() {
		return size;
	}

	/** An engine for the package's agents. */
	public Engine startEngine(SentenceEncoders encoders) throws PackageRejectedException {
		try {
			return Engine.load(ir, encoders);
		} catch (IrFormatException e) {
			throw new PackageRejectedException(PackageFormat.IR + ": " + e.getMessage(), e);
		}
	}

	/** One line for people: version, agents, target vehicle, signer. */
	public String summary() {
		PackageManifest.Target target = manifest.target();
		return "version " + manifest.version() + ", agents " + String.join(", ", manifest.agents())
				+ (target == null ? "" : ", for " + target.profile()) + ", signed by " + signer;
	}
}
