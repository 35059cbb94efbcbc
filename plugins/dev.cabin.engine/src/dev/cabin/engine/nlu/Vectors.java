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
