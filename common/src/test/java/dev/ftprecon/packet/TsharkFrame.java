package dev.ftprecon.packet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: one frame as tshark dissects it, from {@code tshark -T fields}. Fields that occur
 * more than once (tunnels, ICMP quoting a packet) keep every occurrence, in order.
 */
record TsharkFrame(
    int number,
    BigDecimal timeEpoch,
    long length,
    long capturedLength,
    List<String> ipSrc,
    List<String> ipDst,
    List<String> ipv6Src,
    List<String> ipv6Dst,
    List<String> srcPort,
    List<String> dstPort,
    List<String> seqRaw,
    List<String> ackRaw,
    List<String> flags,
    List<String> tcpLen,
    List<String> tcpHeaderLength,
    boolean icmp) {

  /** The fields requested from tshark, in the order {@link #parse} reads them. */
  static final List<String> FIELDS =
      List.of(
          "frame.number",
          "frame.time_epoch",
          "frame.len",
          "frame.cap_len",
          "ip.src",
          "ip.dst",
          "ipv6.src",
          "ipv6.dst",
          "tcp.srcport",
          "tcp.dstport",
          "tcp.seq_raw",
          "tcp.ack_raw",
          "tcp.flags",
          "tcp.len",
          "tcp.hdr_len",
          "icmp.type",
          "icmpv6.type");

  /**
   * Preferences that make tshark report each frame on its own: no TCP stream reassembly or sequence
   * analysis, no IP reassembly (a fragment stays a fragment).
   */
  static final List<String> PREFERENCES =
      List.of(
          "tcp.analyze_sequence_numbers:FALSE",
          "tcp.desegment_tcp_streams:FALSE",
          "ip.defragment:FALSE",
          "ipv6.defragment:FALSE");

  boolean tcp() {
    return !srcPort.isEmpty();
  }

  static List<TsharkFrame> dissect(Path tshark, Path capture) throws IOException {
    List<String> command = new ArrayList<>(List.of(tshark.toString(), "-r", capture.toString()));
    command.addAll(List.of("-n", "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,"));
    for (String field : FIELDS) {
      command.add("-e");
      command.add(field);
    }
    for (String preference : PREFERENCES) {
      command.add("-o");
      command.add(preference);
    }
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<TsharkFrame> frames = parseAll(process.getInputStream());
    try {
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IOException("tshark exited with " + exit + " on " + capture);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for tshark", e);
    }
    return frames;
  }

  /** Parses tshark's output: one line per frame, tab-separated {@link #FIELDS}. */
  static List<TsharkFrame> parseAll(InputStream tsv) throws IOException {
    List<TsharkFrame> frames = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        frames.add(parse(line));
      }
    }
    return frames;
  }

  static TsharkFrame parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != FIELDS.size()) {
      throw new IllegalArgumentException(
          "tshark line has " + f.length + " fields (expected: " + FIELDS.size() + "): " + line);
    }
    return new TsharkFrame(
        Integer.parseInt(f[0]),
        new BigDecimal(f[1]),
        Long.parseLong(f[2]),
        Long.parseLong(f[3]),
        values(f[4]),
        values(f[5]),
        values(f[6]),
        values(f[7]),
        values(f[8]),
        values(f[9]),
        values(f[10]),
        values(f[11]),
        values(f[12]),
        values(f[13]),
        values(f[14]),
        !f[15].isEmpty() || !f[16].isEmpty());
  }

  private static List<String> values(String field) {
    return field.isEmpty() ? List.of() : Arrays.asList(field.split(","));
  }
}
