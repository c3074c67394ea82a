package dev.ftprecon.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the committed fault captures against their expected JSON from the packets side: a naive
 * reassembly of what was written must give the expected file, gaps, duplicates and conflicts, and
 * tshark (when installed) must find every TCP checksum correct.
 */
class FaultCapturesTest {
  private static final Path REPO_ROOT = Path.of(System.getProperty("ftprecon.repoRoot", ".."));
  private static final Path TSHARK = Path.of("/usr/bin/tshark");
  private static final Pattern PASV_REPLY =
      Pattern.compile("^227 [^(]*\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)");

  @TestFactory
  Stream<DynamicTest> capturesHoldWhatTheirExpectedJsonSays() {
    return FaultGenerator.behaviours().stream()
        .map(b -> DynamicTest.dynamicTest(b.name(), () -> check(b.name())));
  }

  @TestFactory
  Stream<DynamicTest> tsharkFindsNoBadChecksum() {
    return FaultGenerator.behaviours().stream()
        .map(b -> DynamicTest.dynamicTest(b.name(), () -> tsharkChecksums(b.name())));
  }

  private static Object expectedJson(String behaviour) throws IOException {
    Path json =
        REPO_ROOT.resolve(FaultGenerator.COMMITTED_DIR).resolve(behaviour + ".expected.json");
    return MiniJson.parse(Files.readString(json, StandardCharsets.UTF_8));
  }

  private static List<Path> captures(Object json) {
    List<Path> paths = new ArrayList<>();
    for (Object capture : (List<?>) MiniJson.at(json, "captures")) {
      paths.add(REPO_ROOT.resolve((String) capture));
    }
    return paths;
  }

  private static List<FileRange> ranges(Object expected, String name) {
    List<FileRange> ranges = new ArrayList<>();
    for (Object pair : (List<?>) MiniJson.at(expected, name)) {
      List<?> p = (List<?>) pair;
      ranges.add(new FileRange((Long) p.get(0), (Long) p.get(1)));
    }
    return ranges;
  }

  private static long number(Object expected, String name) {
    return (Long) MiniJson.at(expected, name);
  }

  /**
   * The {transfer, expected} pairs the JSON asks for: every entry of "transfers" when there is one,
   * else the single top-level pair.
   */
  private static List<Object> transfers(Object json) {
    if (json instanceof Map<?, ?> map && map.containsKey("transfers")) {
      return List.copyOf((List<?>) map.get("transfers"));
    }
    return List.of(json);
  }

  /** The data connection a {transfer, expected} pair names, with its original size and hash. */
  private static DataConnection connection(Object pair) {
    return DataConnection.of(
        new ExpectedTransfer(
            (String) MiniJson.at(pair, "transfer", "command"),
            (String) MiniJson.at(pair, "transfer", "path"),
            (String) MiniJson.at(pair, "transfer", "direction"),
            (Long) MiniJson.at(pair, "expected", "original_bytes"),
            (String) MiniJson.at(pair, "expected", "original_sha256"),
            (String) MiniJson.at(pair, "transfer", "data_connection", "client_ip"),
            ((Long) MiniJson.at(pair, "transfer", "data_connection", "client_port")).intValue(),
            (String) MiniJson.at(pair, "transfer", "data_connection", "server_ip"),
            ((Long) MiniJson.at(pair, "transfer", "data_connection", "server_port")).intValue()));
  }

  private static void check(String behaviour) throws Exception {
    Object json = expectedJson(behaviour);
    assertThat(MiniJson.at(json, "behaviour")).isEqualTo(behaviour);
    List<Object> transfers = transfers(json);
    if (transfers.size() > 1) {
      // old readers take the top-level pair: it is the first transfer's
      assertThat(MiniJson.at(json, "transfer"))
          .isEqualTo(MiniJson.at(transfers.get(0), "transfer"));
      assertThat(MiniJson.at(json, "expected"))
          .isEqualTo(MiniJson.at(transfers.get(0), "expected"));
      assertThat(transfers.stream().map(t -> MiniJson.at(t, "transfer", "data_connection")))
          .doesNotHaveDuplicates();
      assertThat(transfers.stream().map(t -> MiniJson.at(t, "expected", "sha256")))
          .doesNotHaveDuplicates();
    } else {
      // a one-transfer fault keeps the source's data connection
      String source = (String) MiniJson.at(json, "source");
      ExpectedTransfer original = ExpectedTransfer.load(REPO_ROOT, source);
      assertThat(MiniJson.at(json, "transfer", "data_connection", "client_port"))
          .isEqualTo((long) original.clientPort());
      assertThat(MiniJson.at(json, "expected", "original_sha256")).isEqualTo(original.sha256());
    }
    for (Object pair : transfers) {
      checkTransfer(captures(json), pair);
    }
  }

  private static void checkTransfer(List<Path> captures, Object pair) throws Exception {
    Object expected = MiniJson.at(pair, "expected");
    List<FileRange> gaps = ranges(expected, "gaps");
    List<FileRange> conflicts = ranges(expected, "conflict_ranges");

    // the JSON agrees with itself
    assertThat(FileRange.total(gaps)).isEqualTo(number(expected, "missing_bytes"));
    assertThat(FileRange.total(conflicts)).isEqualTo(number(expected, "conflict_bytes"));

    NaiveReassembly naive =
        NaiveReassembly.of(captures, connection(pair), (int) number(expected, "original_bytes"));

    assertThat(naive.status).isEqualTo(MiniJson.at(expected, "status"));
    assertThat((long) naive.file.length).isEqualTo(number(expected, "bytes"));
    assertThat(Digests.sha256(naive.file)).isEqualTo(MiniJson.at(expected, "sha256"));
    assertThat(naive.missingBytes).isEqualTo(number(expected, "missing_bytes"));
    assertThat(naive.gaps).isEqualTo(gaps);
    assertThat(naive.duplicateBytes).isEqualTo(number(expected, "duplicate_bytes"));
    assertThat(naive.conflictBytes).isEqualTo(number(expected, "conflict_bytes"));
    assertThat(naive.conflictRanges).isEqualTo(conflicts);
    if (expected instanceof Map<?, ?> map && map.containsKey("announced_address_differs")) {
      assertThat(announcedAddressDiffers(captures, pair))
          .isEqualTo(map.get("announced_address_differs"));
    }
  }

  /**
   * Whether the 227 reply announcing the transfer's data port names an address other than that of
   * the server sending it, read from the capture's control text. Exactly one such reply must exist.
   */
  private static boolean announcedAddressDiffers(List<Path> captures, Object pair)
      throws Exception {
    int port = ((Long) MiniJson.at(pair, "transfer", "data_connection", "server_port")).intValue();
    List<Boolean> differs = new ArrayList<>();
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment s = new TcpSegment();
    for (Path capture : captures) {
      try (InputStream in = Files.newInputStream(capture);
          CaptureReader reader = CaptureReaders.open(in)) {
        while (reader.next()) {
          CaptureRecord r = reader.record();
          if (decoder.decode(
                      r.linkType(),
                      r.buffer(),
                      r.bufferOffset(),
                      r.capturedLength(),
                      r.originalLength(),
                      s)
                  != DecodeStatus.TCP
              || s.payloadLength() == 0) {
            continue;
          }
          String text =
              new String(
                  r.buffer(),
                  r.bufferOffset() + s.payloadOffset(),
                  s.payloadLength(),
                  StandardCharsets.ISO_8859_1);
          Matcher m = PASV_REPLY.matcher(text);
          if (m.find()
              && Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6)) == port) {
            byte[] announced = new byte[4];
            for (int i = 0; i < 4; i++) {
              announced[i] = (byte) Integer.parseInt(m.group(i + 1));
            }
            differs.add(!Arrays.equals(announced, s.srcAddress()));
          }
        }
      }
    }
    assertThat(differs).as("227 replies announcing port " + port).hasSize(1);
    return differs.get(0);
  }

  /** The keep-alive capture does hold keep-alives, which the naive reassembly had to skip. */
  @Test
  void keepAliveCaptureHoldsItsProbes() throws Exception {
    Object json = expectedJson("keepalive");
    NaiveReassembly naive =
        NaiveReassembly.of(
            captures(json), connection(json), (int) number(MiniJson.at(json, "expected"), "bytes"));
    assertThat(naive.keepAlives).isEqualTo(KeepAliveFault.COUNT);
  }

  private static void tsharkChecksums(String behaviour) throws Exception {
    assumeTrue(Files.isExecutable(TSHARK), "tshark not installed at " + TSHARK);
    for (Path capture : captures(expectedJson(behaviour))) {
      Process tshark =
          new ProcessBuilder(
                  TSHARK.toString(),
                  "-n",
                  "-r",
                  capture.toString(),
                  "-o",
                  "tcp.check_checksum:TRUE",
                  "-o",
                  "ip.check_checksum:TRUE",
                  "-T",
                  "fields",
                  "-e",
                  "frame.number",
                  "-Y",
                  "tcp.checksum.status == 0 || ip.checksum.status == 0")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String bad = new String(tshark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(tshark.exitValue()).as("tshark exit status on " + capture).isZero();
      assertThat(bad).as("frames with a bad checksum in " + capture).isEmpty();
    }
  }
}
