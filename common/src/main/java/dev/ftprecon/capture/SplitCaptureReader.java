package dev.ftprecon.capture;

/**
 * Reads the records of one byte range {@code [start, end)} of a capture file: every record whose
 * first byte (pcap record header, pcapng block start) lies in the range, whatever its end. The
 * splits of a file together deliver each record of the whole-file read exactly once, provided none
 * of them reports {@link #successorOutOfSync()}.
 *
 * <p>Damage stops a split as it stops a whole-file read. A split that starts after the first damage
 * of the file may still deliver records the whole-file read never reaches; callers that want
 * whole-file results drop every split whose start lies after the smallest damage offset of the file
 * (see {@link CaptureReaders#openSplit}).
 */
public interface SplitCaptureReader extends CaptureReader {

  /** The first byte of the range, as given when opening. */
  long splitStart();

  /** The end of the range (exclusive), as given when opening. */
  long splitEnd();

  /**
   * Valid once {@link #next()} has returned false: true if this split, reading on from its true
   * record boundaries, found that the split starting at {@link #splitEnd()} will begin at another
   * boundary (or with other interface descriptions) than the true one. That split would then
   * deliver wrong records, and the file must be read whole instead. Always false when this split
   * stopped on damage or is the last one.
   */
  boolean successorOutOfSync();
}
