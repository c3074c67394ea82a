package dev.ftprecon.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The split reader's resynchronisation under attack and damage: a payload full of record headers
 * with a chain length of 1, several pcapng sections with different interfaces, a truncated file,
 * and garbage after good records.
 */
class SplitResyncTest {
  private static final Path SAMPLES = Path.of("../samples");

  /** K = 1 and no lookback: the first plausible header at or after the start wins. */
  private static final SplitOptions GULLIBLE =
      SplitOptions.defaults().withChainLength(1).withLookbackBytes(0);

  // draft-ietf-opsawg-pcap: little-endian microsecond file header, Ethernet (LINKTYPE 1).
  private static ByteWriter pcapHeader() {
    return ByteWriter.littleEndian().u32(0xA1B2C3D4L).u16(2).u16(4).u32(0).u32(0).u32(65535).u32(1);
  }

  /** A 60-byte Ethernet frame with an IPv4/UDP header (decodes as NOT_TCP, not MALFORMED). */
  private static byte[] frame(int marker) {
    ByteWriter w = ByteWriter.bigEndian();
    w.bytes(2, 0, 0, 0, 0, 1).bytes(2, 0, 0, 0, 0, 2).u16(0x0800); // Ethernet II, IPv4
    w.u8(0x45).u8(0).u16(46).u16(marker).u16(0).u8(64).u8(17).u16(0); // IPv4, total length 46
    w.bytes(192, 0, 2, 1).bytes(192, 0, 2, 2);
    w.u16(1000).u16(2000).u16(26).u16(0).zeros(18); // UDP header and 18 bytes of payload
    return w.toArray();
  }

  private static void record(ByteWriter w, long seconds, byte[] data) {
    w.u32(seconds).u32(0).u32(data.length).u32(data.length).bytes(data);
  }

  /**
   * 100 frames, then a frame whose payload is 40 complete pcap records (the bytes of a capture sent
   * over the network, ending flush with the carrying record), then 100 frames.
   */
  private static byte[] captureCarryingRecords() {
    ByteWriter inner = ByteWriter.littleEndian();
    for (int i = 0; i < 40; i++) {
      record(inner, 1_700_000_000L, frame(1000 + i));
    }
    byte[] frame = frame(2);
    ByteWriter carrier = ByteWriter.bigEndian().bytes(frame).bytes(inner.toArray());
    ByteWriter file = pcapHeader();
    for (int i = 0; i < 100; i++) {
      record(file, 1_700_000_000L, frame(1));
    }
    record(file, 1_700_000_000L, carrier.toArray());
    for (int i = 0; i < 100; i++) {
      record(file, 1_700_000_001L, frame(3 + i));
    }
    return file.toArray();
  }

  @Test
  void aSplitStartingInsideAPayloadOfRecordsIsCaughtByItsPredecessorWhenKIsOne() throws Exception {
    byte[] file = captureCarryingRecords();
    SplitReads.Part whole = SplitReads.whole(file);
    long carrier = whole.records().get(100).recordOffset();
    long afterCarrier = whole.records().get(101).recordOffset();
    // 16-byte record header + 60-byte frame: the inner records start 76 bytes into the payload
    long start = carrier + 16 + 60 + 10;
    assertThat(start).isLessThan(afterCarrier);

    SplitReads.Part first = SplitReads.split(file, 0, start, GULLIBLE);
    SplitReads.Part second = SplitReads.split(file, start, file.length, GULLIBLE);

    // the gullible search took an inner record for a boundary: the second split is wrong ...
    List<Long> trueOffsets =
        whole.records().stream().map(SplitReads.Rec::recordOffset).collect(Collectors.toList());
    assertThat(second.records()).isNotEmpty();
    assertThat(second.records().get(0).recordOffset())
        .isBetween(start, afterCarrier - 1)
        .isNotIn(trueOffsets);
    // ... and the first split, reading on from true boundaries, says so
    assertThat(first.damage()).isEmpty();
    assertThat(first.successorOutOfSync()).isTrue();
    assertThat(first.records()).isEqualTo(whole.records().subList(0, 101));
  }

  @Test
  void theDefaultChainLengthReadsTheSameCaptureExactly() throws Exception {
    byte[] file = captureCarryingRecords();
    SplitReads.Part whole = SplitReads.whole(file);
    // twice the carrying record (16 + 60 + 40 * 76 bytes), as the default is twice the largest
    SplitOptions options = SplitOptions.defaults().withLookbackBytes(2 * (16 + 60 + 40 * 76) + 64);
    for (long start = 30; start < file.length; start += 7) {
      List<SplitReads.Part> parts =
          SplitReads.splits(file, new long[] {0, start, file.length}, options);
      assertThat(parts.get(0).successorOutOfSync()).as("split at " + start).isFalse();
      assertThat(SplitReads.combine(parts).orElseThrow().records())
          .as("split at " + start)
          .isEqualTo(whole.records());
    }
  }

  @Test
  void pcapngSectionsWithOtherInterfacesAreReadExactlyOrFlagged() throws Exception {
    byte[] a = Files.readAllBytes(SAMPLES.resolve("epsv-download-ipv6-pureftpd-curl.pcapng"));
    byte[] b =
        Files.readAllBytes(
            SAMPLES.resolve("multi-transfer-session-epsv-ipv4-pureftpd-curl.pcapng"));
    byte[] catted = concat(a, b);
    byte[] otherInterface = concat(a, nanosecondSection(a));
    int flaggedInOther = 0;
    for (byte[] file : List.of(catted, otherInterface)) {
      SplitReads.Part whole = SplitReads.whole(file);
      assertThat(whole.damage()).isEmpty();
      for (long seed = 1; seed <= 4; seed++) {
        long[] bounds = random(seed, 1024, 8192, file.length + 1);
        for (SplitOptions options :
            List.of(SplitOptions.defaults(), SplitOptions.defaults().withLookbackBytes(4096))) {
          List<SplitReads.Part> parts = SplitReads.splits(file, bounds, options);
          if (exactOrDetected(parts, whole) && file == otherInterface) {
            flaggedInOther++;
          }
        }
      }
    }
    // The second section declares its interface with another resolution and snap length: a split
    // in it derives the first section's interface, so the split before it must flag.
    assertThat(flaggedInOther).isEqualTo(8);
  }

  @Test
  void aTruncatedCaptureReportsItsDamageFromTheSplitHoldingIt() throws Exception {
    for (String name :
        List.of(
            "pasv-download-ipv4-pureftpd-curl.pcap", "epsv-download-ipv6-pureftpd-curl.pcapng")) {
      byte[] original = Files.readAllBytes(SAMPLES.resolve(name));
      SplitReads.Part full = SplitReads.whole(original);
      long cut = full.records().get(full.records().size() * 3 / 5).recordOffset() + 700;
      byte[] file = java.util.Arrays.copyOf(original, (int) cut);
      checkDamaged(file, name + " cut at " + cut);
    }
  }

  @Test
  void garbageAfterGoodRecordsIsReportedAtTheSameOffset() throws Exception {
    byte[] original = Files.readAllBytes(SAMPLES.resolve("port-download-ipv4-pureftpd-curl.pcap"));
    SplitReads.Part full = SplitReads.whole(original);
    int good = (int) full.records().get(full.records().size() / 2).recordOffset();
    byte[] garbage = new byte[5000];
    new SplittableRandom(42).nextBytes(garbage);
    byte[] file = concat(java.util.Arrays.copyOf(original, good), garbage);
    checkDamaged(file, "garbage at " + good);
  }

  private static void checkDamaged(byte[] file, String what) throws Exception {
    SplitReads.Part whole = SplitReads.whole(file);
    assertThat(whole.damage()).as(what).isPresent();
    int exact = 0;
    for (long seed = 1; seed <= 4; seed++) {
      long[] bounds = random(seed, 1024, 8192, file.length + 1);
      // the file is smaller than the default lookback: splits walk from the header
      List<SplitReads.Part> parts = SplitReads.splits(file, bounds, SplitOptions.defaults());
      assertThat(parts.stream().anyMatch(SplitReads.Part::successorOutOfSync)).as(what).isFalse();
      Optional<SplitReads.Part> combined = SplitReads.combine(parts);
      assertThat(combined.orElseThrow().records()).as(what).isEqualTo(whole.records());
      assertThat(combined.orElseThrow().damage()).as(what).isEqualTo(whole.damage());
      long damage = whole.damage().get().offset();
      SplitReads.Part holder =
          parts.stream().filter(p -> p.start() <= damage && damage < p.end()).findFirst().get();
      assertThat(holder.damage()).as(what).isEqualTo(whole.damage());
      // a lookback of 4 KiB: splits search from the middle of the file
      List<SplitReads.Part> tight =
          SplitReads.splits(file, bounds, SplitOptions.defaults().withLookbackBytes(4096));
      if (!exactOrDetected(tight, whole)) {
        exact++;
      }
    }
    assertThat(exact).as(what + ": layouts read exactly without a flag").isPositive();
  }

  /**
   * Either no split flags its successor and the splits combine to the whole read (false), or the
   * splits up to the first flag are exact (true).
   */
  private static boolean exactOrDetected(List<SplitReads.Part> parts, SplitReads.Part whole) {
    Optional<SplitReads.Part> combined = SplitReads.combine(parts);
    if (combined.isPresent()) {
      assertThat(combined.get().records()).isEqualTo(whole.records());
      assertThat(combined.get().damage()).isEqualTo(whole.damage());
      return false;
    }
    for (SplitReads.Part p : parts) {
      List<SplitReads.Rec> expected =
          whole.records().stream()
              .filter(r -> r.recordOffset() >= p.start() && r.recordOffset() < p.end())
              .collect(Collectors.toList());
      assertThat(p.records()).as(p.start() + "-" + p.end()).isEqualTo(expected);
      if (p.successorOutOfSync()) {
        return true;
      }
    }
    throw new AssertionError("combine dropped the file but no split flagged");
  }

  /** A pcapng section (little-endian) with one Ethernet interface in nanoseconds, snaplen 65535. */
  private static byte[] nanosecondSection(byte[] pcapng) throws Exception {
    ByteWriter w = ByteWriter.littleEndian();
    PcapngBlocks.sectionHeader(w);
    PcapngBlocks.interfaceDescription(w, 1, 65535, 9);
    for (SplitReads.Rec r : SplitReads.whole(pcapng).records()) {
      int from = (int) r.dataOffset();
      int[] data = new int[r.capturedLength()];
      for (int i = 0; i < data.length; i++) {
        data[i] = pcapng[from + i] & 0xFF;
      }
      PcapngBlocks.enhancedPacket(w, 0, r.timestampNanos(), r.originalLength(), data);
    }
    return w.toArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(a, 0, a.length);
    out.write(b, 0, b.length);
    return out.toByteArray();
  }

  private static long[] random(long seed, long min, long max, long end) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Long> bounds = new ArrayList<>();
    for (long x = 0; x < end; x += random.nextLong(min, max + 1)) {
      bounds.add(x);
    }
    bounds.add(end);
    return bounds.stream().mapToLong(Long::longValue).toArray();
  }
}
