package dev.cabin.engine.nlu;

/** The little vector arithmetic that recognition needs. */
public final class Vectors {

	private Vectors() {
	}

	public static float dot(float[] a, float[] b) {
		float sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	/**
	 * The dot product of {@code a} with the row of {@code matrix} that starts at {@code offset}, in four
	 * independent sums so that the CPU can overlap the additions.
	 */
	public static float dot(float[] a, float[] matrix, int offset) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		for (; i + 3 < a.length; i += 4) {
			s0 += a[i] * matrix[offset + i];
			s1 += a[i + 1] * matrix[offset + i + 1];
			s2 += a[i + 2] * matrix[offset + i + 2];
			s3 += a[i + 3] * matrix[offset + i + 3];
		}
		for (; i < a.length; i++) {
			s0 += a[i] * matrix[offset + i];
		}
		return (s0 + s1) + (s2 + s3);
	}

	public static float[] normalized(float[] vector) {
		double norm = Math.sqrt(dot(vector, vector));
		if (norm == 0) {
			return vector.clone();
		}
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / norm);
		}
		return unit;
	}
}
