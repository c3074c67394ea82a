package dev.ftprecon.flow;

import dev.ftprecon.packet.TcpSegment;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Facts per direction, for the segments of one scan task. Bounded: once it holds {@code
 * maxDirections} directions it hands them all to the sink and starts empty, so a capture of many
 * short connections (a port scan) costs partial rows, never unbounded memory; partial facts merge
 * downstream ({@link DirectionFacts#merge}).
 */
public final class DirectionTable {
  /** Default bound: 65,536 directions, a few MiB. */
  public static final int DEFAULT_MAX_DIRECTIONS = 1 << 16;

  private final int maxDirections;
  private final BiConsumer<DirectionKey, DirectionFacts> sink;
  private final Map<DirectionKey, Entry> facts = new HashMap<>();
  private final DirectionKey probe = new DirectionKey();
  private Entry last;
  private Entry beforeLast;
  private int flushes;

  private record Entry(DirectionKey key, DirectionFacts facts) {}

  public DirectionTable(int maxDirections, BiConsumer<DirectionKey, DirectionFacts> sink) {
    if (maxDirections < 1) {
      throw new IllegalArgumentException("maxDirections must be positive: " + maxDirections);
    }
    this.maxDirections = maxDirections;
    this.sink = sink;
  }

  /** Adds the segment; {@code head} as in {@link DirectionFacts#see}. */
  public void see(TcpSegment s, long nanos, int head) {
    probe.set(s);
    // A connection's segments come in runs, often alternating data and acknowledgements: try the
    // last two directions before hashing into the map.
    Entry e;
    if (last != null && probe.equals(last.key)) {
      e = last;
    } else if (beforeLast != null && probe.equals(beforeLast.key)) {
      e = beforeLast;
      beforeLast = last;
      last = e;
    } else {
      e = facts.get(probe);
      if (e == null) {
        if (facts.size() >= maxDirections) {
          flush();
        }
        DirectionKey key = probe.copy();
        e = new Entry(key, new DirectionFacts(flushes));
        facts.put(key, e);
      }
      beforeLast = last;
      last = e;
    }
    e.facts.see(nanos, s.flags(), s.payloadLength(), head);
    StreamSegments.addTo(e.facts.span(), s, nanos);
  }

  /** Hands every direction held to the sink and empties the table. */
  public void flush() {
    facts.values().forEach(e -> sink.accept(e.key, e.facts));
    facts.clear();
    flushes++;
    last = null;
    beforeLast = null;
  }

  int size() {
    return facts.size();
  }
}
