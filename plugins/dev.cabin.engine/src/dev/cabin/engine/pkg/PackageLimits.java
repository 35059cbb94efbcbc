package dev.cabin.engine.pkg;

/**
 * Bounds a package must stay within before anything in it is trusted, so that a hostile file cannot exhaust a
 * head unit's memory or storage (zip bombs, millions of entries).
 *
 * @param maxPackageBytes the largest package file
 * @param maxEntries the most entries
 * @param maxEntryBytes the largest uncompressed entry
 * @param maxTotalBytes the largest sum of uncompressed entries
 */
public record PackageLimits(long maxPackageBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes) {

	/** Generous for agents (the IR of three example agents is well under a megabyte), small for a car. */
	public static final PackageLimits DEFAULT = new PackageLimits(64L << 20, 64, 128L << 20, 256L << 20);
}
