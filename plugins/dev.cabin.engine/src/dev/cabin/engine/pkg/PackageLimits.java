package dev.cabin.engine.pkg;

/**
 * Bounds a package must stay within before anything in it is trusted, so that a hostile file cannot exhaust a
 * head unit's memory or storage (zip bombs, millions of entries, documents nested without end). Entries are
 * streamed through their hashes, so only the manifest and the IR are ever held whole: those two bounds are what
 * a verification costs in memory, and they fit the car runtime's 64 MB heap.
 *
 * @param maxPackageBytes the largest package file
 * @param maxEntries the most entries
 * @param maxEntryBytes the largest uncompressed entry
 * @param maxTotalBytes the largest sum of uncompressed entries
 * @param maxManifestBytes the largest manifest, read before its signature is checked
 * @param maxIrBytes the largest IR, which the engine holds in memory to load it (its nesting is bounded by the IR's
 *        reader, {@link dev.cabin.engine.ir.IrCodec#MAX_DEPTH})
 */
public record PackageLimits(long maxPackageBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
		int maxManifestBytes, int maxIrBytes) {

	/**
	 * Generous for agents (the IR of three example agents is well under a megabyte), small for a car.
	 */
	public static final PackageLimits DEFAULT = new PackageLimits(64L << 20, 64, 128L << 20, 256L << 20, 1 << 20,
			16 << 20);
}
