package dev.ftprecon.ftp;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts anomalies by name. The names come from {@link Anomalies}, a fixed set, so the map stays
 * small whatever the traffic; counts saturate instead of overflowing.
 */
final class AnomalyCounter {

  private final Map<String, Integer> counts = new TreeMap<>();

  void add(String name) {
    counts.merge(name, 1, (a, b) -> a == Integer.MAX_VALUE ? a : a + b);
  }

  int count(String name) {
    return counts.getOrDefault(name, 0);
  }

  /** An immutable copy, sorted by name so the output is deterministic. */
  Map<String, Integer> snapshot() {
    return Collections.unmodifiableMap(new TreeMap<>(counts));
  }
}
