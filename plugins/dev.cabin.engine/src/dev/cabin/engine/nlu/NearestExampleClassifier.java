package dev.cabin.engine.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;

/**
 * The intent of the example nearest to the utterance by cosine similarity of sentence embeddings, with the
 * embeddings of the examples taken from the IR. Below the threshold an utterance is out of scope.
 */
public final class NearestExampleClassifier implements IntentClassifier {

	/** Candidates reported per classification. */
	private static final int CANDIDATES = 5;

	public static final Factory FACTORY = new Factory() {
		@Override
		public String kind() {
			return ClassifierIr.NEAREST_EXAMPLE;
		}

		@Override
		public IntentClassifier create(AgentIr agent, SentenceEncoders encoders) throws IrFormatException {
			return new NearestExampleClassifier(agent.intents(), encoders, agent.classifier().threshold());
		}
	};

	/**
	 * Agents with more intents than this compare an utterance with every example of only the
	 * {@link #SHORTLIST} intents whose centroid is nearest, which keeps a turn within milliseconds on a head
	 * unit's CPU; smaller agents compare with every example.
	 */
	static final int SHORTLIST_ABOVE = 24;
	static final int SHORTLIST = 16;

	/**
	 * The example embeddings of one language as one row-major matrix, so that scoring an utterance is one
	 * pass over contiguous memory; the rows of an intent are contiguous, from {@code first[i]} to before
	 * {@code last[i]} for the i-th intent of {@code owners}, whose centroid is row i of {@code centroids}.
	 */
	private record Examples(float[] matrix, int dimension, int[] owners, int[] first, int[] last, float[] centroids) {
	}

	private final SentenceEncoders encoders;
	private final double threshold;
	private final List<String> intents = new ArrayList<>();
	private final Map<Language, Examples> examplesByLanguage = new EnumMap<>(Language.class);

	public NearestExampleClassifier(List<IntentIr> intentIrs, SentenceEncoders encoders, double threshold)
			throws IrFormatException {
		this.encoders = encoders;
		this.threshold = threshold;
		Map<Language, List<float[]>> vectors = new EnumMap<>(Language.class);
		Map<Language, List<Integer>> owners = new EnumMap<>(Language.class);
		for (IntentIr intent : intentIrs) {
			int index = intents.size();
			intents.add(intent.name());
			for (ExampleIr example : intent.examples()) {
				if (example.embedding() == null || example.embedding().length == 0
						|| example.embedding().length % 2 != 0) {
					throw new IrFormatException("corrupt Cabin IR: the example \"" + example.text() + "\" of intent "
							+ intent.name() + " has no usable embedding");
				}
				Language language = Language.ofLocale(example.locale());
				vectors.computeIfAbsent(language, l -> new ArrayList<>()).add(IrCodec.unpack(example.embedding()));
				owners.computeIfAbsent(language, l -> new ArrayList<>()).add(index);
			}
		}
		for (Map.Entry<Language, List<float[]>> entry : vectors.entrySet()) {
			examplesByLanguage.put(entry.getKey(), matrix(entry.getKey(), entry.getValue(), owners.get(entry.getKey())));
		}
	}

	private static Examples matrix(Language language, List<float[]> rows, List<Integer> rowOwners)
			throws IrFormatException {
		int dimension = rows.get(0).length;
		float[] matrix = new float[rows.size() * dimension];
		List<Integer> owners = new ArrayList<>();
		List<Integer> first = new ArrayList<>();
		List<Integer> last = new ArrayList<>();
		for (int row = 0; row < rows.size(); row++) {
			if (rows.get(row).length != dimension) {
				throw new IrFormatException("corrupt Cabin IR: the " + language.code()
						+ " examples have embeddings of different lengths");
			}
			System.arraycopy(rows.get(row), 0, matrix, row * dimension, dimension);
			if (owners.isEmpty() || !owners.get(owners.size() - 1).equals(rowOwners.get(row))) {
				owners.add(rowOwners.get(row));
				first.add(row);
				last.add(row);
			}
			last.set(last.size() - 1, row + 1);
		}
		float[] centroids = new float[owners.size() * dimension];
		for (int i = 0; i < owners.size(); i++) {
			float[] sum = new float[dimension];
			for (int row = first.get(i); row < last.get(i); row++) {
				for (int d = 0; d < dimension; d++) {
					sum[d] += matrix[row * dimension + d];
				}
			}
			System.arraycopy(Vectors.normalized(sum), 0, centroids, i * dimension, dimension);
		}
		return new Examples(matrix, dimension, ints(owners), ints(first), ints(last), centroids);
	}

	private static int[] ints(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).toArray();
	}

	@Override
	public double threshold() {
		return threshold;
	}

	@Override
	public Classification classify(String normalized, Language language) {
		Examples examples = examplesByLanguage.get(language);
		if (examples == null) {
			return Classification.nothing();
		}
		float[] query = encoders.forLanguage(language).encode(normalized);
		if (query.length != examples.dimension()) {
			return Classification.nothing();
		}
		List<IntentCandidate> candidates = new ArrayList<>();
		for (int i : shortlist(examples, query)) {
			double best = Double.NEGATIVE_INFINITY;
			for (int row = examples.first()[i]; row < examples.last()[i]; row++) {
				best = Math.max(best, Vectors.dot(query, examples.matrix(), row * examples.dimension()));
			}
			candidates.add(new IntentCandidate(intents.get(examples.owners()[i]), best));
		}
		candidates.sort(Comparator.comparingDouble(IntentCandidate::score).reversed());
		List<IntentCandidate> top = List.copyOf(candidates.subList(0, Math.min(CANDIDATES, candidates.size())));
		IntentCandidate first = top.get(0);
		boolean inScope = first.score() >= threshold;
		return new Classification(inScope ? first.intent() : null, top, inScope ? null : Rejection.BELOW_THRESHOLD,
				false);
	}

	/** The intents (indexes into the owners of the examples) whose examples the utterance is compared with. */
	private static int[] shortlist(Examples examples, float[] query) {
		int count = examples.owners().length;
		if (count <= SHORTLIST_ABOVE) {
			return java.util.stream.IntStream.range(0, count).toArray();
		}
		Integer[] order = new Integer[count];
		double[] scores = new double[count];
		for (int i = 0; i < count; i++) {
			order[i] = i;
			scores[i] = Vectors.dot(query, examples.centroids(), i * examples.dimension());
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
		int[] shortlist = new int[SHORTLIST];
		for (int i = 0; i < SHORTLIST; i++) {
			shortlist[i] = order[i];
		}
		return shortlist;
	}
}
