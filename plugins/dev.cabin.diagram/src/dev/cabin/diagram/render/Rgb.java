package dev.cabin.diagram.render;

/** An opaque colour. */
public record Rgb(int red, int green, int blue) {

	/** The colour of a hex literal such as {@code #2563EB}. */
	public static Rgb hex(String hex) {
		int value = Integer.parseInt(hex.substring(1), 16);
		return new Rgb((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF);
	}

	/** {@code #rrggbb}. */
	public String css() {
		return String.format("#%02x%02x%02x", red, green, blue);
	}
}
