package dev.cabin.engine.ir;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One example utterance, with the embedding computed at compile time where the agent's classifier reads it.
 *
 * @param locale the example's locale
 * @param text the utterance as the author wrote it, with its {@code {slot}} or {@code {slot=value}} markers
 * @param embedding {@code null}, or the normalized sentence embedding as little-endian float16 (base64 in JSON)
 *        of the text with every marker replaced by a value of its slot. Only the {@code nearest-example}
 *        classifier reads it; the compiler trains a {@code softmax} classifier, which carries what it needs in
 *        its own parameters, and leaves it out: it was four fifths of a large agent's IR
 */
public record ExampleIr(String locale, String text, @JsonInclude(JsonInclude.Include.NON_NULL) byte[] embedding) {

	/** An example whose embedding no classifier of its agent reads. */
	public ExampleIr(String locale, String text) {
		this(locale, text, null);
	}
}
