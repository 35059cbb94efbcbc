package dev.cabin.engine.nlu.softmax;

/** A feature vector that names only its non-zero features (each at most once). */
public record SparseVector(int[] indices, float[] values) {
}
