package dev.ftprecon.faults;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the fault captures of {@code testdata/faults}: clean sample captures damaged in one
 * controlled way each (reordering, duplicates, overlaps, loss, sequence wrap, missing handshake,
 * snap length, file rotation, FIN ordering, reset, keep-alives, zero-window probes, a NATed PASV
 * reply, many concurrent sessions, a passive port reused across days), each with the outcome the
 * job should report.
 *
 * <p>Usage: {@code FaultGenerator <repo-root> <output-dir>} (see scripts/make-fault-captures.sh).
 *
 * <p>Deterministic to the byte: all choices come from {@code java.util.Random} seeded with {@link
 * #SEED} plus the behaviour name's hash (both algorithms are specified by the JDK), and nothing
 * depends on the time, the output directory or hash-map order. FaultGeneratorTest checks that a
 * fresh run reproduces the committed files.
 *
 * <p>Every TCP checksum (and IPv4 header checksum) in the output is recomputed, not just those of
 * rewritten segments: the samples were captured where the kernel offloads checksums, so their
 * stored values are only the pseudo-header sums and tshark would flag nearly every packet.
 */
public final class FaultGenerator {
  static final long SEED = 20240917L;

  /** Where the outputs are committed; the expected JSON names the captures by this path. */
  static final String COMMITTED_DIR = "testdata/faults";

  private FaultGenerator() {}

  static List<FaultBehaviour> behaviours() {
    return List.of(
        new ReorderFault(),
        new DuplicateFault(),
        new OverlapSameFault(),
        new OverlapConflictFault(),
        new DropFault(),
        new WrapFault(),
        new NoHandshakeFault(),
        new TruncateFault(),
        new RotateFault(),
        new FinBeforeLastDataFault(),
        new RstMidwayFault(),
        new KeepAliveFault(),
        new ZeroWindowProbeFault(),
        new NatPasvFault(),
        new ManySessionsFault(),
        new PortReuseDaysFault());
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: FaultGenerator <repo-root> <output-dir>");
      System.exit(2);
    }
    for (Path file : generate(Path.of(args[0]), Path.of(args[1]))) {
      System.out.printf("%9d %s%n", Files.size(file), file);
    }
  }

  /** Writes every fault's captures and expected JSON into {@code outDir}; returns the files. */
  static List<Path> generate(Path repoRoot, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Map<String, FaultSource> sources = new HashMap<>();
    List<Path> written = new ArrayList<>();
    for (FaultBehaviour behaviour : behaviours()) {
      FaultSource source = sources.get(behaviour.source());
      if (source == null) {
        source = FaultSource.load(repoRoot, behaviour.source());
        sources.put(behaviour.source(), source);
      }
      FaultOutput output = behaviour.apply(source, random(behaviour));
      List<String> captures = new ArrayList<>();
      for (Map.Entry<String, List<Packet>> file : output.files().entrySet()) {
        Path path = outDir.resolve(file.getKey());
        writeCapture(path, file.getValue());
        written.add(path);
        captures.add(COMMITTED_DIR + "/" + file.getKey());
      }
      Path json = outDir.resolve(behaviour.name() + ".expected.json");
      Files.writeString(
          json,
          ExpectedJson.render(
              behaviour.name(),
              behaviour.source(),
              captures,
              "FaultGenerator seed=" + SEED,
              output.description(),
              output.firstTransfer(source.transfer()),
              output.expected(),
              output.transfers()),
          StandardCharsets.UTF_8);
      written.add(json);
    }
    return written;
  }

  static Random random(FaultBehaviour behaviour) {
    return new Random(SEED + behaviour.name().hashCode());
  }

  /** Writes packets as pcap, with valid checksums, failing if capture time would go backwards. */
  static void writeCapture(Path path, List<Packet> packets) throws IOException {
    long lastTime = Long.MIN_VALUE;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path));
        PcapWriter writer = new PcapWriter(out, SourceCapture.LINKTYPE_ETHERNET)) {
      for (Packet packet : packets) {
        SourceCapture.require(
            packet.timestampNanos() >= lastTime, path + ": capture time goes backwards");
        lastTime = packet.timestampNanos();
        Packet fixed = packet.copy();
        TcpFrame tcp = fixed.tcp();
        if (tcp != null) {
          tcp.fixChecksums();
        }
        writer.write(fixed);
      }
    }
  }
}
