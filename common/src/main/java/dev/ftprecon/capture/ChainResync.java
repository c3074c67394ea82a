package dev.ftprecon.capture;

import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;

/**
 * Finds the first record boundary at or after an offset of a capture file from the bytes alone, so
 * that a split can start reading in the middle of a file. A pure function of the file's bytes, the
 * offset and the {@link SplitOptions}: a split runs it on its own start, and its predecessor runs
 * it on the same offset to check that the split found the true boundary.
 *
 * <p>When {@code start - lookback} lies in the file's header region, the search begins at the end
 * of that region, a true boundary, and simply follows the records' lengths. Otherwise candidates
 * are tried in file order from {@code start - lookback}. A candidate is believed when it starts a
 * chain of at least K records that each pass the format's plausibility checks ({@link #recordAt})
 * and that reaches {@code start} (or ends exactly at the end of the file before it). The answer is
 * the chain's first record at or after {@code start}. A chain rooted inside a record's payload must
 * cross that record's true end before {@code start} (the lookback is at least the largest record),
 * where it either dies or lands on a true boundary and from there is the true chain.
 *
 * <p>Offsets of chains that died before {@code start} for a reason that does not depend on where
 * the chain began are remembered, so a chain that runs into one stops at once: the search reads
 * each byte of the lookback a bounded number of times even in adversarial files.
 */
abstract class ChainResync {
  /** No candidate before the end of the file starts a believable chain. */
  static final long NO_CHAIN_BEFORE_EOF = -1;

  /** No believable chain within {@link SplitOptions#scanLimitBytes()} past the start. */
  static final long GAVE_UP = -2;

  // What recordAt says about the bytes at a chain position.
  /** The position is the end of the file. */
  static final int END_OF_FILE = -1;

  /** A record starts here but the file ends inside it. */
  static final int CUT = -2;

  /** Not a record, whatever chain led here. */
  static final int IMPLAUSIBLE = -3;

  /** A record, but its timestamp is too far from the previous record's. */
  static final int TOO_FAR_APART = -4;

  /** Rejected for a reason that depends on the chain's start (first packet not a frame). */
  static final int REJECTED = -5;

  /** Not a record, and the whole-file reader would stop here with damage. */
  static final int DAMAGED = -6;

  final SplitOptions options;
  private final CaptureFileOpener opener;
  private final long firstBoundary;
  private final int alignment;
  private final int minimumRecordBytes;
  private final PacketDecoder decoder = new PacketDecoder();
  private final TcpSegment segment = new TcpSegment();
  private CaptureInput input;
  private long[] chain = new long[64];
  private BitSet dead = new BitSet();
  private int tailCount;

  /**
   * @param firstBoundary end of the header region: the first offset a record can start at
   * @param alignment every record boundary is a multiple of it (pcapng blocks: 4)
   * @param minimumRecordBytes the smallest record of the format
   */
  ChainResync(
      CaptureFileOpener opener,
      long firstBoundary,
      SplitOptions options,
      int alignment,
      int minimumRecordBytes) {
    this.opener = opener;
    this.firstBoundary = firstBoundary;
    this.options = options;
    this.alignment = alignment;
    this.minimumRecordBytes = minimumRecordBytes;
  }

  /**
   * The offset of the first record at or after {@code start} (the end of the file if the chain ends
   * first), {@link #NO_CHAIN_BEFORE_EOF} or {@link #GAVE_UP}.
   */
  long find(long start) throws IOException {
    long from = Math.max(firstBoundary, start - options.lookbackBytes());
    from = (from + alignment - 1) / alignment * alignment;
    try (InputStream in = opener.openAt(from)) {
      input = new CaptureInput(in, options.windowBytes(), from);
      if (from == firstBoundary) {
        return walkFrom(from, start);
      }
      dead.clear();
      for (long candidate = from; ; candidate += alignment) {
        if (candidate - start >= options.scanLimitBytes()) {
          return GAVE_UP;
        }
        if (input.fill(minimumRecordBytes) < minimumRecordBytes) {
          break;
        }
        if (candidate >= start || !dead.get((int) (candidate - from))) {
          long found = chainFrom(candidate, from, start, false);
          if (found >= 0) {
            return found;
          }
        }
        input.consume(alignment);
      }
    } finally {
      input = null;
    }
    return findInTail(from, start);
  }

  /**
   * No chain of K records before the end of the file: fewer than K records follow {@code start -
   * lookback} before the file ends or turns to damage. Chains that end exactly at the end of the
   * file, or at or after {@code start} in a record the end of the file cuts or that the whole-file
   * reader stops at as damage, are then believed with fewer records; the one with the most records
   * wins (the earliest of equals), since the true chain from the first true record holds every
   * record up to the end while a false one must land on the end by chance. The region is less than
   * K + 1 records long, so trying every candidate in it is cheap.
   */
  private long findInTail(long from, long start) throws IOException {
    try (InputStream in = opener.openAt(from)) {
      input = new CaptureInput(in, options.windowBytes(), from);
      long best = NO_CHAIN_BEFORE_EOF;
      int bestCount = 0;
      for (long candidate = from;
          input.fill(minimumRecordBytes) >= minimumRecordBytes;
          candidate += alignment) {
        long found = chainFrom(candidate, from, start, true);
        if (found >= 0 && tailCount > bestCount) {
          best = found;
          bestCount = tailCount;
        }
        input.consume(alignment);
      }
      return best;
    } finally {
      input = null;
    }
  }

  /**
   * The search starts at the end of the header region, a true boundary: follows the records as the
   * whole-file reader would, by their lengths alone, to the first at or after {@code start}. Where
   * the reader would stop on damage before {@code start}, the split lies after the damage and gets
   * nothing.
   */
  private long walkFrom(long from, long start) throws IOException {
    beginWalk();
    long offset = from;
    while (offset < start) {
      int length = lengthAt();
      if (length == END_OF_FILE) {
        return offset;
      }
      if (length < 0) {
        return NO_CHAIN_BEFORE_EOF;
      }
      input.consume(length);
      offset += length;
    }
    return offset;
  }

  /**
   * The first record at or after {@code start} of the chain from {@code candidate}, or -1 if the
   * chain is not believed. In the tail search ({@code tail}), chains ending at the end of the file
   * count too, and {@link #tailCount} says how many records they had.
   */
  private long chainFrom(long candidate, long from, long start, boolean tail) throws IOException {
    beginChain();
    long offset = candidate;
    int count = 0;
    long firstAtOrAfterStart = -1;
    while (true) {
      if (offset >= start && firstAtOrAfterStart < 0) {
        firstAtOrAfterStart = offset;
      }
      if (count >= options.chainLength() && offset >= start) {
        return firstAtOrAfterStart;
      }
      if (!tail && count > 0 && offset < start && dead.get((int) (offset - from))) {
        markDead(count, from, -1);
        return -1;
      }
      long relative = offset - candidate;
      int length =
          relative >= options.windowBytes() ? REJECTED : recordAt((int) relative, offset, count);
      switch (length) {
        case END_OF_FILE:
          tailCount = count;
          if (count >= options.chainLength() || (tail && count > 0)) {
            return offset >= start ? firstAtOrAfterStart : offset;
          }
          return -1;
        case CUT:
          tailCount = count;
          if (tail && count > 0 && offset >= start) {
            return firstAtOrAfterStart;
          }
          if (offset < start) {
            markDead(count, from, offset);
          }
          return -1;
        case DAMAGED:
          tailCount = count;
          if (tail && count > 0 && offset >= start) {
            return firstAtOrAfterStart;
          }
          if (offset < start) {
            markDead(count, from, offset);
          }
          return -1;
        case IMPLAUSIBLE:
          if (offset < start) {
            markDead(count, from, offset);
          }
          return -1;
        case TOO_FAR_APART:
          if (offset < start) {
            markDead(count, from, -1);
          }
          return -1;
        case REJECTED:
          return -1;
        default:
          if (count == chain.length) {
            chain = java.util.Arrays.copyOf(chain, count * 2);
          }
          chain[count++] = offset;
          offset += length;
      }
    }
  }

  /** Remembers the chain's records before the start (and {@code also}, if >= 0) as dead ends. */
  private void markDead(int count, long from, long also) {
    for (int i = 0; i < count; i++) {
      if (chain[i] - from < options.lookbackBytes()) {
        dead.set((int) (chain[i] - from));
      }
    }
    if (also >= 0 && also - from < options.lookbackBytes()) {
      dead.set((int) (also - from));
    }
  }

  /** Resets the state {@link #lengthAt} keeps (pcapng byte order) before a walk. */
  abstract void beginWalk();

  /**
   * The length of the record at the walk's position ({@link #have}, {@link #at} with relative 0) as
   * the whole-file reader sees it: {@link #END_OF_FILE}, or {@link #IMPLAUSIBLE} where that reader
   * would stop on damage (or the record exceeds the search window). Used while walking from a true
   * boundary.
   */
  abstract int lengthAt() throws IOException;

  /** Resets the per-chain state (previous timestamp, section state) before a new candidate. */
  abstract void beginChain();

  /**
   * Checks the record at {@code relative} bytes past the candidate, the {@code index}-th of the
   * chain, and returns its length in bytes or one of the negative verdicts.
   */
  abstract int recordAt(int relative, long offset, int index) throws IOException;

  /**
   * How many of the {@code wanted} bytes at {@code relative} past the candidate the file has;
   * afterwards {@link #array()} and {@link #at(int)} locate them.
   */
  final int have(int relative, int wanted) throws IOException {
    long need = (long) relative + wanted;
    if (need > options.windowBytes()) {
      return -1;
    }
    return Math.max(0, input.fill((int) need) - relative);
  }

  final byte[] array() {
    return input.array();
  }

  final int at(int relative) {
    return input.index() + relative;
  }

  /**
   * Whether a packet's link-layer and IP headers are consistent for its link type: anything but
   * {@link DecodeStatus#MALFORMED}. Only chain candidates get here, never the records a split
   * delivers; the decoder allocates its message for a malformed frame only.
   */
  final boolean isFrame(int linkType, byte[] b, int at, int captured, long original) {
    return decoder.decode(linkType, b, at, captured, original, segment) != DecodeStatus.MALFORMED;
  }

  /** Whether two epoch-nanosecond timestamps are further apart than the tolerance. */
  final boolean tooFarApart(long a, long b) {
    long difference = a - b;
    boolean overflowed = ((a ^ b) & (a ^ difference)) < 0;
    return overflowed
        || difference == Long.MIN_VALUE
        || Math.abs(difference) > options.timestampToleranceNanos();
  }
}
