package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The examples of one locale of one agent with the closest example of another intent written before each,
 * kept from one validation to the next. An editor validates the whole agent on every keystroke while the
 * keystroke changed one example, or none: the index finds what changed between the texts (the examples before
 * the first change and after the last are the same) and looks again only for the examples that changed, the
 * later examples whose closest one is gone, and the later examples a changed one may now be closest to. Many
 * changes at once (pasting, reordering intents) are cheaper to start over from. Whatever came before, the
 * result is that of looking at the current examples afresh.
 */
final class CloseExampleIndex {

	/** More changed examples than this and the index starts over. */
	static final int MOST_CHANGES = 32;

	private List<IndexedExample> examples = List.of();

	private ExampleCandidates candidates = new ExampleCandidates(List.of());

	/* How many examples the candidates' order of features was counted on. */
	private int counted;

	/** The examples in the order written, each with its closest example (none if it is not too close). */
	List<IndexedExample> examples() {
		return examples;
	}

	/** Brings the index to the given examples, those of this validation in the order written. */
	void update(List<IndexedExample> current) {
		int same = 0;
		int bound = Math.min(examples.size(), current.size());
		while (same < bound && current.get(same).sameAs(examples.get(same))) {
			same++;
		}
		int sameAfter = 0;
		while (sameAfter < bound - same && current.get(current.size() - 1 - sameAfter)
				.sameAs(examples.get(examples.size() - 1 - sameAfter))) {
			sameAfter++;
		}
		List<IndexedExample> removed = examples.subList(same, examples.size() - sameAfter);
		List<IndexedExample> added = current.subList(same, current.size() - sameAfter);
		// an agent grown far beyond the examples its order was counted on (typed from scratch) is counted again,
		// so that the lists of candidates stay short
		if (removed.size() + added.size() > MOST_CHANGES || current.size() > 2 * counted + MOST_CHANGES) {
			startOver(current);
		} else {
			change(same, removed, added, examples.subList(examples.size() - sameAfter, examples.size()));
		}
	}

	private void startOver(List<IndexedExample> current) {
		examples = number(new ArrayList<>(current));
		candidates = new ExampleCandidates(examples);
		counted = examples.size();
		examples.forEach(candidates::add);
		examples.forEach(this::findClosest);
	}

	/*
	 * Replaces the examples removed by those added, between the first {@code before} examples and the examples
	 * {@code after}, which stay as they were.
	 */
	private void change(int before, List<IndexedExample> removed, List<IndexedExample> added,
			List<IndexedExample> after) {
		Set<IndexedExample> gone = Collections.newSetFromMap(new IdentityHashMap<>());
		gone.addAll(removed);
		removed.forEach(candidates::remove);
		List<IndexedExample> changed = new ArrayList<>(examples.subList(0, before));
		changed.addAll(added);
		changed.addAll(after);
		examples = number(changed);
		added.forEach(candidates::add);
		// an example before the change can only be closest to an example before it, which stays
		List<IndexedExample> lost = after.stream().filter(example -> gone.contains(example.closest)).toList();
		Set<IndexedExample> again = Collections.newSetFromMap(new IdentityHashMap<>());
		again.addAll(lost);
		again.addAll(added);
		for (IndexedExample example : added) {
			candidates.forEachCandidate(example, later -> {
				if (later.position > example.position && !again.contains(later)) {
					later.consider(example);
				}
			});
		}
		added.forEach(this::findClosest);
		lost.forEach(this::findClosest);
	}

	private void findClosest(IndexedExample example) {
		example.closest = null;
		candidates.forEachCandidate(example, earlier -> {
			if (earlier.position < example.position) {
				example.consider(earlier);
			}
		});
	}

	private static List<IndexedExample> number(List<IndexedExample> examples) {
		for (int i = 0; i < examples.size(); i++) {
			examples.get(i).position = i;
		}
		return examples;
	}
}
