package dev.cabin.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few results of long work (lab reports, car packages), by number, for the links the page shows; older
 * ones are dropped. The number comes back from the browser as text and is checked here.
 */
final class KeptResults<T> {

	private final String what;
	private final Map<Integer, T> kept;
	private int last;

	/** @param what what a result is, for the refusals: {@code "lab test run"} */
	KeptResults(String what, int capacity) {
		this.what = what;
		this.kept = new LinkedHashMap<>() {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<Integer, T> eldest) {
				return size() > capacity;
			}
		};
	}

	synchronized int keep(T result) {
		kept.put(++last, result);
		return last;
	}

	/** The result a number names ({@code ?id=N}), or why there is none. */
	synchronized T get(String id) throws Refusal {
		T result;
		try {
			result = kept.get(Integer.parseInt(String.valueOf(id)));
		} catch (NumberFormatException e) {
			throw new Refusal(Refusal.BAD_REQUEST, "?id= must be the number of a " + what);
		}
		if (result == null) {
			throw new Refusal(Refusal.NOT_FOUND, "no such " + what + " (the server keeps the last " + kept.size() + ")");
		}
		return result;
	}
}
