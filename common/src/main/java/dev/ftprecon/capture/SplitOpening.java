package dev.ftprecon.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * Builds the split reader for one byte range: reads the file's header region from offset 0, then
 * either goes on reading from there (a split that starts inside the header region) or finds the
 * split's first record boundary with {@link PcapResync} / {@link PcapngResync} and resumes a reader
 * there. Every split, and its predecessor's check, derive the same state from the same bytes.
 */
final class SplitOpening {
  /**
   * How far a pcapng header region (section header, interface descriptions and other blocks before
   * the first packet block) is read: 4 MiB. Splits starting inside it are read from offset 0;
   * beyond it, interface descriptions are taken as they stand at this point.
   */
  static final long MAX_HEADER_REGION_BYTES = 4L * 1024 * 1024;

  private SplitOpening() {}

  static SplitCaptureReader open(CaptureFileOpener file, long start, long end, SplitOptions options)
      throws IOException, NotACaptureException {
    InputStream in = file.openAt(0);
    try {
      CaptureInput input = new CaptureInput(in, CaptureReaders.windowBytes());
      return CaptureReaders.detect(input) == CaptureFormat.PCAP
          ? pcap(file, in, input, start, end, options)
          : pcapng(file, in, input, start, end, options);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static SplitCaptureReader pcap(
      CaptureFileOpener file,
      InputStream in,
      CaptureInput input,
      long start,
      long end,
      SplitOptions options)
      throws IOException {
    PcapReader head = PcapReader.open(input);
    long headerEnd = input.position();
    if (head.header().isEmpty()) {
      return damagedHeader(head, in, input, start, end);
    }
    PcapFileHeader header = head.header().get();
    PcapResync resync = new PcapResync(file, header, options);
    ResyncSplitReader.SuccessorCheck check =
        (reader, next, atEnd) ->
            end <= headerEnd || (atEnd && next <= end) || agrees(resync.find(end), next, atEnd);
    if (start <= headerEnd) {
      head.stopBefore(end);
      return new ResyncSplitReader(head, input, start, end, check);
    }
    in.close();
    long first = resync.find(start);
    if (first < 0) {
      return new EmptySplitReader(
          CaptureFormat.PCAP, head.linkTypes(), start, end, first == ChainResync.GAVE_UP);
    }
    InputStream resumedIn = file.openAt(first);
    try {
      CaptureInput resumed = new CaptureInput(resumedIn, PcapReader.windowBytes(), first);
      PcapReader reader = PcapReader.resume(resumed, header);
      reader.stopBefore(end);
      return new ResyncSplitReader(reader, resumed, start, end, check);
    } catch (RuntimeException e) {
      resumedIn.close();
      throw e;
    }
  }

  private static SplitCaptureReader pcapng(
      CaptureFileOpener file,
      InputStream in,
      CaptureInput input,
      long start,
      long end,
      SplitOptions options)
      throws IOException {
    PcapngReader head = new PcapngReader(input);
    head.stopAtPacket(true);
    head.stopBefore(MAX_HEADER_REGION_BYTES);
    if (head.next()) {
      throw new IllegalStateException("pcapng reader delivered a packet in header mode");
    }
    long headerEnd = input.position();
    if (head.damage().isPresent()) {
      return damagedHeader(head, in, input, start, end);
    }
    PcapngSection initial = new PcapngSection();
    initial.copyFrom(head.section());
    PcapngResync resync = new PcapngResync(file, headerEnd, initial, options);
    ResyncSplitReader.SuccessorCheck check =
        (reader, next, atEnd) ->
            end <= headerEnd
                || (atEnd && next <= end)
                || (agrees(resync.find(end), next, atEnd)
                    && (atEnd || ((PcapngReader) reader).section().sameAs(initial)));
    if (start <= headerEnd) {
      head.stopAtPacket(false);
      head.stopBefore(end);
      return new ResyncSplitReader(head, input, start, end, check);
    }
    in.close();
    long first = resync.find(start);
    if (first < 0) {
      return new EmptySplitReader(
          CaptureFormat.PCAPNG, head.linkTypes(), start, end, first == ChainResync.GAVE_UP);
    }
    InputStream resumedIn = file.openAt(first);
    try {
      CaptureInput resumed = new CaptureInput(resumedIn, PcapngReader.windowBytes(), first);
      PcapngReader reader = new PcapngReader(resumed, initial);
      reader.stopBefore(end);
      return new ResyncSplitReader(reader, resumed, start, end, check);
    } catch (RuntimeException e) {
      resumedIn.close();
      throw e;
    }
  }

  /**
   * The header region is damaged, so the whole-file read stops inside it: the split that starts
   * there reports it, later ones are empty.
   */
  private static SplitCaptureReader damagedHeader(
      CaptureReader head, InputStream in, CaptureInput input, long start, long end)
      throws IOException {
    long damage = head.damage().orElseThrow().offset();
    if (start <= damage) {
      return new ResyncSplitReader(head, input, start, end, (reader, next, atEnd) -> true);
    }
    in.close();
    return new EmptySplitReader(head.format(), head.linkTypes(), start, end, false);
  }

  /** Whether the successor's search found {@code next}, or found nothing because the file ends. */
  private static boolean agrees(long found, long next, boolean atEnd) {
    return found == next || (found == ChainResync.NO_CHAIN_BEFORE_EOF && atEnd);
  }
}
