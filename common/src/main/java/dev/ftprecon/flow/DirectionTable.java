package dev.ftprecon.flow;

import dev.ftprecon.packet.TcpSegment;
import dev.ftprecon.tcp.SegmentLog;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Facts per direction, for the segments of one scan task. Bounded: once it holds {@code
 * maxDirections} directions it hands them all to the sink and starts empty, so a capture of many
 * short connections (a port scan) costs partial rows, never unbounded memory; partial facts merge
 * downstream ({@link DirectionFacts#merge}).
 *
 * <p>Given a log budget, the table also keeps a {@link SegmentLog} of each direction's segments
 * that carry stream, handed on with its facts ({@link DirectionFacts#log}), as long as the logs are
 * complete: a segment whose payload cannot be re-read where it lies, a table emptied before the
 * end, or logs outgrowing the budget drop every log ({@link #logsComplete} is then false), and the
 * data pass reads the split again instead.
 */
public final class DirectionTable {
  /** Default bound: 65,536 directions, a few MiB. */
  public static final int DEFAULT_MAX_DIRECTIONS = 1 << 16;

  private final int maxDirections;
  private final BiConsumer<DirectionKey, DirectionFacts> sink;
  private final Map<DirectionKey, Entry> facts = new HashMap<>();
  private final DirectionKey probe = new DirectionKey();
  private final long logBudget;
  private boolean logging;
  private long logBytes;
  private Entry last;
  private Entry beforeLast;
  private int flushes;

  private record Entry(DirectionKey key, DirectionFacts facts) {}

  public DirectionTable(int maxDirections, BiConsumer<DirectionKey, DirectionFacts> sink) {
    this(maxDirections, 0, sink);
  }

  /**
   * A table that also logs each direction's stream segments while the logs hold at most {@code
   * logBudget} bytes together (0: no logs).
   */
  public DirectionTable(
      int maxDirections, long logBudget, BiConsumer<DirectionKey, DirectionFacts> sink) {
    if (maxDirections < 1) {
      throw new IllegalArgumentException("maxDirections must be positive: " + maxDirections);
    }
    this.maxDirections = maxDirections;
    this.logBudget = logBudget;
    this.logging = logBudget > 0;
    this.sink = sink;
  }

  /**
   * Adds the segment and, while logging, logs it if it carries stream: read at {@code record} (the
   * record's offset), its payload at {@code payloadPos} in the file, or -1 when it cannot be
   * re-read there (which ends logging).
   */
  public void see(TcpSegment s, long nanos, int head, long record, long payloadPos) {
    DirectionFacts f = see(s, nanos, head);
    if (!logging || !StreamSegments.carriesStream(s)) {
      return;
    }
    if (payloadPos < 0 && s.payloadLength() > 0) {
      dropLogs();
      return;
    }
    SegmentLog.Writer log = f.log();
    if (log == null) {
      log = f.startLog();
      logBytes += log.capacity();
    }
    int before = log.capacity();
    log.add(
        s.seq(),
        s.payloadLength(),
        s.flags(),
        s.truncated(),
        s.payloadClaimedLength(),
        nanos,
        record,
        payloadPos);
    logBytes += log.capacity() - before;
    if (logBytes > logBudget) {
      dropLogs();
    }
  }

  /** Whether this table logged every stream segment it saw (see the class comment). */
  public boolean logsComplete() {
    return logging;
  }

  private void dropLogs() {
    logging = false;
    facts.values().forEach(e -> e.facts.dropLog());
    logBytes = 0;
  }

  /** Adds the segment; {@code head} as in {@link DirectionFacts#see}. Returns its facts. */
  public DirectionFacts see(TcpSegment s, long nanos, int head) {
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
          // A direction's log must cover the whole split: logs split in pieces are dropped.
          if (logging) {
            dropLogs();
          }
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
    return e.facts;
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
