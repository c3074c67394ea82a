package dev.ftprecon.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Opens the right {@link CaptureReader} for a stream by looking at its magic number. */
public final class CaptureReaders {
  /** How many leading bytes {@link NotACaptureException} messages show: one magic number. */
  private static final int SHOWN_BYTES = 4;

  private CaptureReaders() {}

  /**
   * Reads the first bytes of {@code in} and returns a reader of the matching format, positioned
   * before the first record. The stream is read sequentially only (no mark/reset); the reader
   * buffers it itself, so wrapping it in a BufferedInputStream is unnecessary. Closing the reader
   * closes the stream; if this method throws, closing the stream is the caller's job.
   *
   * @throws NotACaptureException if the stream is empty or starts like neither pcap nor pcapng
   * @throws IOException if reading the stream fails
   */
  public static CaptureReader open(InputStream in) throws IOException, NotACaptureException {
    // Both window sizes are caps, not allocations: the buffer starts small and grows on demand.
    CaptureInput input = new CaptureInput(in, windowBytes());
    return detect(input) == CaptureFormat.PCAP ? PcapReader.open(input) : new PcapngReader(input);
  }

  /** The window either format's reader may need. */
  static int windowBytes() {
    return Math.max(PcapReader.windowBytes(), PcapngReader.windowBytes());
  }

  /**
   * The format of the file whose first bytes {@code input} holds, without consuming them.
   *
   * @throws NotACaptureException if the file is empty or starts like neither pcap nor pcapng
   */
  static CaptureFormat detect(CaptureInput input) throws IOException, NotACaptureException {
    int have = input.fill(CaptureFormat.DETECT_BYTES);
    if (have == 0) {
      throw new NotACaptureException("empty file");
    }
    Optional<CaptureFormat> format = CaptureFormat.detect(input.array(), have);
    if (format.isEmpty()) {
      throw new NotACaptureException(
          "not a pcap or pcapng capture: first bytes "
              + hex(input.array(), Math.min(have, SHOWN_BYTES)));
    }
    return format.get();
  }

  /**
   * Opens a reader of the records that start in {@code [start, end)} of a file (see {@link
   * SplitCaptureReader}), with the default {@link SplitOptions}. A split with {@code start == 0}
   * and {@code end >= length} reads the whole file.
   *
   * @throws NotACaptureException if the file starts like neither pcap nor pcapng
   * @throws IOException if reading the file fails
   */
  public static SplitCaptureReader openSplit(CaptureFileOpener file, long start, long end)
      throws IOException, NotACaptureException {
    return openSplit(file, start, end, SplitOptions.defaults());
  }

  /**
   * Opens a reader of the records that start in {@code [start, end)} of a file. The file's header
   * region (pcap file header; pcapng section header and interface descriptions up to the first
   * packet block) is read from offset 0; a split starting after it finds its first record boundary
   * near {@code start} from the bytes alone ({@link SplitOptions}) and reads from there.
   *
   * @throws NotACaptureException if the file starts like neither pcap nor pcapng
   * @throws IOException if reading the file fails
   */
  public static SplitCaptureReader openSplit(
      CaptureFileOpener file, long start, long end, SplitOptions options)
      throws IOException, NotACaptureException {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "split [" + start + ", " + end + ") (expected: 0 <= start <= end)");
    }
    return SplitOpening.open(file, start, end, options);
  }

  /**
   * The reference split reader: reads the file from offset 0 and delivers the records that start in
   * {@code [start, end)}. Exact by construction, slow for splits far into a file; tests compare
   * {@link #openSplit} with it.
   */
  static SplitCaptureReader openFilteringSplit(CaptureFileOpener file, long start, long end)
      throws IOException, NotACaptureException {
    InputStream in = file.openAt(0);
    try {
      return new FilteringSplitReader(open(in), start, end);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static String hex(byte[] bytes, int count) {
    StringBuilder text = new StringBuilder(count * 3);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16));
      text.append(Character.forDigit(bytes[i] & 0xF, 16));
    }
    return text.toString();
  }
}
