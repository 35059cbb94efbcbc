package dev.cabin.engine.ir;

/**
 * Which sentence encoder produced the example embeddings of one language.
 *
 * @param modelId the encoder's id, e.g. {@code bge-small-en-v15-q}
 * @param dimension the length of its vectors
 */
public record EncoderInfo(String modelId, int dimension) {
}
