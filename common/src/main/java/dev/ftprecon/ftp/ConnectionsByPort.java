package dev.ftprecon.ftp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The connections {@link DataChannelMatcher} has not yet assigned, indexed by the port of either
 * end and sorted by opening time (ties broken by content, so input order never matters), so that
 * each channel looks only at connections on its announced port inside its time window.
 */
final class ConnectionsByPort {

  private record Entry(int id, ConnectionFacts facts) {}

  private static final Comparator<Entry> BY_OPENING =
      Comparator.comparingLong((Entry e) -> e.facts().firstNanos())
          .thenComparingLong(e -> e.facts().lastNanos())
          .thenComparing(e -> e.facts().aIp())
          .thenComparingInt(e -> e.facts().aPort())
          .thenComparing(e -> e.facts().bIp())
          .thenComparingInt(e -> e.facts().bPort())
          .thenComparing(e -> e.facts().aInitiated());

  private final Map<Integer, List<Entry>> byPort = new HashMap<>();
  private final boolean[] taken;

  ConnectionsByPort(List<ConnectionFacts> connections) {
    taken = new boolean[connections.size()];
    for (int i = 0; i < connections.size(); i++) {
      ConnectionFacts facts = Objects.requireNonNull(connections.get(i), "connection");
      Entry entry = new Entry(i, facts);
      byPort.computeIfAbsent(facts.aPort(), p -> new ArrayList<>()).add(entry);
      if (facts.bPort() != facts.aPort()) {
        byPort.computeIfAbsent(facts.bPort(), p -> new ArrayList<>()).add(entry);
      }
    }
    byPort.values().forEach(list -> list.sort(BY_OPENING));
  }

  /**
   * Takes the earliest-opening untaken connection with an end on {@code port}, opening in [from,
   * to], that {@code fit} accepts.
   */
  Optional<DataChannelAssignment> takeEarliest(
      int port,
      long from,
      long to,
      Function<ConnectionFacts, Optional<DataChannelAssignment>> fit) {
    List<Entry> list = byPort.getOrDefault(port, List.of());
    for (int i = firstOpeningAtOrAfter(list, from); i < list.size(); i++) {
      Entry entry = list.get(i);
      if (entry.facts().firstNanos() > to) {
        break;
      }
      if (taken[entry.id()]) {
        continue;
      }
      Optional<DataChannelAssignment> assignment = fit.apply(entry.facts());
      if (assignment.isPresent()) {
        taken[entry.id()] = true;
        return assignment;
      }
    }
    return Optional.empty();
  }

  private static int firstOpeningAtOrAfter(List<Entry> list, long from) {
    int low = 0;
    int high = list.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (list.get(mid).facts().firstNanos() < from) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
