package dev.cabin.engine.nlu;

/** One intent the recognizer considered, with its score (cosine similarity, 1 for an exact match). */
public record IntentCandidate(String intent, double score) {
}
