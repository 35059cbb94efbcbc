package dev.cabin.engine.ir;

/**
 * One example utterance with the embedding computed at compile time, so that a car never embeds its
 * examples at start-up.
 *
 * @param locale the example's locale
 * @param text the utterance as the author wrote it, with its {@code {slot}} or {@code {slot=value}} markers
 * @param embedding the normalized sentence embedding as little-endian float16 (base64 in JSON), of the text
 *        with every marker replaced by a value of its slot
 */
public record ExampleIr(String locale, String text, byte[] embedding) {
}
