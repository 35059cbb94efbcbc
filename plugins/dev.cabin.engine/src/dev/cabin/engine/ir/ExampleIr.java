package dev.cabin.engine.ir;

/**
 * One example utterance with the embedding computed at compile time, so that a car never embeds its
 * examples at start-up.
 *
 * @param locale the example's locale
 * @param text the utterance as the author wrote it
 * @param embedding the normalized sentence embedding as little-endian float32 (base64 in JSON)
 */
public record ExampleIr(String locale, String text, byte[] embedding) {
}
