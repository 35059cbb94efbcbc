package dev.cabin.engine.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies for the IR's records: immutable, order kept, and empty where the JSON left a collection out. */
final class Ir {

	private Ir() {
	}

	static <T> List<T> list(List<T> list) {
		return list == null ? List.of() : List.copyOf(list);
	}

	/** An immutable copy that keeps the source order (arguments, signals), unlike {@link Map#copyOf}. */
	static <K, V> Map<K, V> ordered(Map<K, V> map) {
		return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}
}
