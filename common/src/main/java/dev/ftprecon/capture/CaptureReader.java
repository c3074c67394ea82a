package dev.ftprecon.capture;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a capture file record by record. Typical use:
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReaders.open(in)) {
 *   while (reader.next()) {
 *     CaptureRecord r = reader.record();
 *     ...
 *   }
 *   reader.damage().ifPresent(d -> ...);
 * }
 * }</pre>
 *
 * Bad bytes never throw: the reader stops and reports them through {@link #damage()}. Only failures
 * of the underlying stream surface as {@link IOException}.
 */
public interface CaptureReader extends Closeable {

  /**
   * Moves to the next packet record.
   *
   * @return true if {@link #record()} now holds a packet; false at the clean end of the file or
   *     when the reader stopped on damaged bytes (see {@link #damage()}); false forever after
   * @throws IOException if the underlying stream fails
   */
  boolean next() throws IOException;

  /** The current record, overwritten by each {@link #next()}. */
  CaptureRecord record();

  /** The format of the file being read. */
  CaptureFormat format();

  /** Why reading stopped early, if it stopped on bad bytes rather than at the end of the file. */
  Optional<CaptureDamage> damage();

  /** Number of packet records delivered so far. */
  long records();

  /**
   * Records delivered with a tolerated irregularity (a captured length larger than the original
   * length); they are delivered as they are.
   */
  long anomalies();

  /** The distinct link types declared so far (pcap header, pcapng interfaces), sorted ascending. */
  int[] linkTypes();
}
