package dev.ftprecon.faults;

import dev.ftprecon.packet.TcpSegment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes {@code testdata/hostile/hostile-names.pcap}: {@value #COPIES} copies of a real download
 * session (see {@link SessionCopies}: own client ports, own file bytes, interleaved in time), in
 * which the client's {@code RETR index.bin} line is rewritten to {@code RETR <name k>} with one
 * hostile name per copy ({@link #NAMES}). The data connections are untouched, so every copy still
 * downloads its file; only the name differs. The rewritten command is split into segments of at
 * most {@value #MSS} bytes like a real client's (the 10,000-byte name takes seven), and every later
 * client segment of that control connection has its sequence number moved by the change in length
 * (and every server segment its acknowledgement), so the control stream stays gap-free.
 *
 * <p>Next to it, {@code hostile-names.expected.json}: for copy k, the data connection's client
 * port, the exact name bytes (hex) as written here, and the sha256 and size of the file, computed
 * from the sample's data bytes with copy k's pattern, not from the job's output.
 *
 * <p>Usage: {@code HostileNamesCapture <repo-root> <output-dir>}
 * (scripts/make-hostile-captures.sh). Deterministic to the byte; HostileNamesCaptureTest checks the
 * committed files.
 */
public final class HostileNamesCapture {
  static final String NAME = "hostile-names";
  static final String COMMITTED_DIR = "testdata/hostile";
  static final int MSS = 1448;

  /** One hostile name per copy, as the bytes the client sends after "RETR ". */
  static final List<byte[]> NAMES =
      List.of(
          ascii("../../etc/passwd"),
          ascii("/etc/shadow"),
          ascii("a/../../../b.txt"),
          ascii("..\\..\\windows\\win.ini"),
          new byte[] {'a', 0, 'b', 1, 0x1B, '[', '2', 'J', 0x7F, 'c', '\r', 'd'},
          ascii("n".repeat(10_000)),
          ascii("CON"),
          ascii("nul.txt"),
          ascii("COM1"),
          new byte[] {'r', (byte) 0xE9, 's', 'u', 'm', (byte) 0xE9, '.', 't', 'x', 't'},
          new byte[] {'a', (byte) 0xC3, '(', (byte) 0xFE, 'z'},
          "Übersicht.txt".getBytes(StandardCharsets.UTF_8),
          ascii("same.txt"),
          ascii("same.txt"));

  static final int COPIES = 14;
  static final long SHIFT_MICROS = 300;
  private static final byte[] RETR = ascii("RETR ");

  private HostileNamesCapture() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: HostileNamesCapture <repo-root> <output-dir>");
      System.exit(2);
    }
    for (Path file : generate(Path.of(args[0]), Path.of(args[1]))) {
      System.out.printf("%9d %s%n", Files.size(file), file);
    }
  }

  static List<Path> generate(Path repoRoot, Path outDir) throws IOException {
    FaultSource source = FaultSource.load(repoRoot, Samples.SMALL_IPV4_DOWNLOAD);
    SessionCopies copies = SessionCopies.of(source, COPIES, SHIFT_MICROS * 1_000);
    byte[] clientIp = DataConnection.address(source.transfer().clientIp());
    int controlPort = copies.controlClientPort();
    long[] delta = new long[COPIES];
    boolean[] rewritten = new boolean[COPIES];
    List<Packet> out = new ArrayList<>();
    for (Packet packet : copies.packets()) {
      TcpFrame tcp = packet.tcp();
      boolean fromClient = tcp != null && Arrays.equals(tcp.srcAddress(), clientIp);
      int clientPort = tcp == null ? -1 : fromClient ? tcp.srcPort() : tcp.dstPort();
      int k = clientPort - controlPort;
      if (tcp == null || k < 0 || k >= COPIES) {
        out.add(packet);
        continue;
      }
      if (fromClient && !rewritten[k] && startsWith(tcp, RETR)) {
        rewritten[k] = true;
        byte[] line = concat(RETR, NAMES.get(k), ascii("\r\n"));
        SourceCapture.require(
            endsWith(tcp, ascii("RETR index.bin\r\n")) && tcp.payloadLength() == 16,
            "copy " + k + ": the RETR segment is not exactly \"RETR index.bin\\r\\n\"");
        for (int off = 0; off < line.length; off += MSS) {
          int len = Math.min(MSS, line.length - off);
          TcpFrame part = tcp.withPayload((tcp.seq() + off) & 0xFFFFFFFFL, line, off, len);
          out.add(Packet.whole(packet.timestampNanos(), part.frame()));
        }
        delta[k] = line.length - tcp.payloadLength();
        continue;
      }
      if (delta[k] != 0) {
        Packet moved = packet.copy();
        TcpFrame t = moved.tcp();
        if (fromClient) {
          t.setSeq((t.seq() + delta[k]) & 0xFFFFFFFFL);
        } else if (t.has(TcpSegment.ACK)) {
          t.setAck((t.ack() + delta[k]) & 0xFFFFFFFFL);
        }
        out.add(moved);
        continue;
      }
      out.add(packet);
    }
    for (int k = 0; k < COPIES; k++) {
      SourceCapture.require(rewritten[k], "copy " + k + " has no RETR to rewrite");
    }
    Files.createDirectories(outDir);
    Path pcap = outDir.resolve(NAME + ".pcap");
    FaultGenerator.writeCapture(pcap, out);
    Path json = outDir.resolve(NAME + ".expected.json");
    Files.writeString(json, expectedJson(copies), StandardCharsets.UTF_8);
    return List.of(pcap, json);
  }

  private static String expectedJson(SessionCopies copies) {
    StringBuilder s = new StringBuilder();
    s.append("{\n  \"capture\": \"").append(COMMITTED_DIR).append('/').append(NAME);
    s.append(".pcap\",\n  \"source\": \"").append(Samples.SMALL_IPV4_DOWNLOAD).append("\",\n");
    s.append("  \"description\": \"").append(COPIES).append(" copies of the source's session");
    s.append(" (SessionCopies), copy k's RETR index.bin rewritten to RETR <name k>; data");
    s.append(" connections untouched. path_hex: the exact bytes sent after RETR.\",\n");
    s.append("  \"transfers\": [\n");
    for (int k = 0; k < COPIES; k++) {
      ExpectedTransfer t = copies.transfers().get(k).transfer();
      s.append("    {\"data_client_port\": ").append(t.clientPort());
      s.append(", \"path_hex\": \"").append(HexFormat.of().formatHex(NAMES.get(k)));
      s.append("\", \"bytes\": ").append(t.bytes());
      s.append(", \"sha256\": \"").append(t.sha256()).append("\"}");
      s.append(k + 1 < COPIES ? ",\n" : "\n");
    }
    return s.append("  ]\n}\n").toString();
  }

  private static boolean startsWith(TcpFrame tcp, byte[] prefix) {
    if (tcp.payloadLength() < prefix.length) {
      return false;
    }
    byte[] f = tcp.frame();
    return Arrays.equals(
        f, tcp.payloadOffset(), tcp.payloadOffset() + prefix.length, prefix, 0, prefix.length);
  }

  private static boolean endsWith(TcpFrame tcp, byte[] suffix) {
    int end = tcp.payloadOffset() + tcp.payloadLength();
    return tcp.payloadLength() >= suffix.length
        && Arrays.equals(tcp.frame(), end - suffix.length, end, suffix, 0, suffix.length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }
}
