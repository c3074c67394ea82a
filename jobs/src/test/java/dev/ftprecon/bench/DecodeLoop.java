package dev.ftprecon.bench;

import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's ceiling: one pass over a capture that decodes every packet with the project's
 * reader and decoder and hashes each flow's payload in capture order, on one core. No reassembly,
 * no Spark, no output files: what is left of the work when everything but decoding and hashing is
 * free. It counts the flows whose sha256 is in a manifest ({@code sha256 size name} lines); for
 * generated captures, sent in order, that is every file.
 *
 * <p>With {@code --index-digests} it computes every digest the index carries, still on one core:
 * the capture's SHA-256 as it is read, and each flow's MD5 beside its SHA-256. Digests are the part
 * of the job no design can skip or split further (a file's MD5 is one sequential chain), so this
 * run's time, halved, bounds what any run on two cores can reach (README "Benchmark").
 *
 * <pre>
 * java -cp jobs/target/test-classes:common/target/classes dev.ftprecon.bench.DecodeLoop CAPTURE MANIFEST [--index-digests]
 * </pre>
 */
public final class DecodeLoop {
  private static final int FTP_CONTROL = 21;

  private DecodeLoop() {}

  public static void main(String[] args) throws Exception {
    Set<String> expected = new HashSet<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      expected.add(line.split(" ")[0]);
    }
    boolean indexDigests = args.length > 2 && args[2].equals("--index-digests");
    MessageDigest captureSha256 = MessageDigest.getInstance("SHA-256");
    Map<Long, MessageDigest> flows = new HashMap<>();
    Map<Long, MessageDigest> flowMd5s = new HashMap<>();
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    long packets = 0;
    long bytes = 0;
    InputStream file = Files.newInputStream(Path.of(args[0]));
    if (indexDigests) {
      file = new DigestInputStream(file, captureSha256);
    }
    try (InputStream in = new BufferedInputStream(file, 1 << 20);
        CaptureReader reader = CaptureReaders.open(in)) {
      while (reader.next()) {
        CaptureRecord r = reader.record();
        packets++;
        DecodeStatus s =
            decoder.decode(
                r.linkType(),
                r.buffer(),
                r.bufferOffset(),
                r.capturedLength(),
                r.originalLength(),
                segment);
        int len = segment.payloadLength();
        if (s != DecodeStatus.TCP
            || len == 0
            || segment.srcPort() == FTP_CONTROL
            || segment.dstPort() == FTP_CONTROL) {
          continue;
        }
        long key = flowKey(segment);
        MessageDigest d = flows.get(key);
        if (d == null) {
          d = MessageDigest.getInstance("SHA-256");
          flows.put(key, d);
        }
        d.update(r.buffer(), r.bufferOffset() + segment.payloadOffset(), len);
        if (indexDigests) {
          MessageDigest md5 = flowMd5s.get(key);
          if (md5 == null) {
            md5 = MessageDigest.getInstance("MD5");
            flowMd5s.put(key, md5);
          }
          md5.update(r.buffer(), r.bufferOffset() + segment.payloadOffset(), len);
        }
        bytes += len;
      }
    }
    int matching = 0;
    for (MessageDigest d : flows.values()) {
      matching += expected.contains(HexFormat.of().formatHex(d.digest())) ? 1 : 0;
    }
    System.out.printf(
        "decode-loop: %d packets, %d payload bytes, %d flows, %d of %d files match%n",
        packets, bytes, flows.size(), matching, expected.size());
    if (indexDigests) {
      flowMd5s.values().forEach(MessageDigest::digest);
      System.out.printf(
          "decode-loop: capture sha256 %s, %d flow MD5s%n",
          HexFormat.of().formatHex(captureSha256.digest()), flowMd5s.size());
    }
  }

  /** Source address (last 4 bytes), source and destination ports: unique per generated flow. */
  private static long flowKey(TcpSegment s) {
    byte[] a = s.srcAddress();
    int n = a.length;
    long ip =
        (a[n - 4] & 0xFFL) << 24
            | (a[n - 3] & 0xFFL) << 16
            | (a[n - 2] & 0xFFL) << 8
            | a[n - 1] & 0xFF;
    return ip << 32 | (long) s.srcPort() << 16 | s.dstPort();
  }
}
