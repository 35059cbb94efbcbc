package dev.cabin.engine.pkg;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as Semantic Versioning 2.0.0 defines it ({@code 1.4.0}, {@code 2.0.0-rc.1+build.7}), ordered by
 * its precedence rules: build metadata does not count, a pre-release comes before its release.
 */
public record SemanticVersion(int major, int minor, int patch, String preRelease, String build)
		implements Comparable<SemanticVersion> {

	private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
			+ "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

	/** Parses {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}; the message of the exception says what is wrong. */
	public static SemanticVersion parse(String text) {
		Matcher matcher = text == null ? null : FORM.matcher(text);
		if (matcher == null || !matcher.matches()) {
			throw new IllegalArgumentException("\"" + text
					+ "\" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0 or 1.2.0-beta.1)");
		}
		return new SemanticVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3)), matcher.group(4), matcher.group(5));
	}

	@Override
	public int compareTo(SemanticVersion other) {
		int byNumbers = major != other.major ? Integer.compare(major, other.major)
				: minor != other.minor ? Integer.compare(minor, other.minor) : Integer.compare(patch, other.patch);
		if (byNumbers != 0) {
			return byNumbers;
		}
		if (preRelease == null || other.preRelease == null) {
			return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
		}
		return comparePreReleases(preRelease.split("\\."), other.preRelease.split("\\."));
	}

	private static int comparePreReleases(String[] mine, String[] theirs) {
		for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
			boolean myNumber = mine[i].matches("\\d+");
			boolean theirNumber = theirs[i].matches("\\d+");
			int order;
			if (myNumber && theirNumber) {
				order = Long.compare(Long.parseLong(mine[i]), Long.parseLong(theirs[i]));
			} else if (myNumber || theirNumber) {
				order = myNumber ? -1 : 1;
			} else {
				order = mine[i].compareTo(theirs[i]);
			}
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(mine.length, theirs.length);
	}

	@Override
	public String toString() {
		return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease)
				+ (build == null ? "" : "+" + build);
	}
}
