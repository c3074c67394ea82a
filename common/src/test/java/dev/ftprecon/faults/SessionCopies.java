package dev.ftprecon.faults;

import dev.ftprecon.faults.DataConnection.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Several copies of a whole one-transfer session (control and data connections) in one capture,
 * told apart as different client sessions would be. Copy k (from 0):
 *
 * <ul>
 *   <li>is shifted in time by k × {@code shiftNanos};
 *   <li>uses client ports control + k and data + k (the client's side of both connections; the
 *       server's ports, and so every FTP text of a PASV session, stay as they were);
 *   <li>carries its own file: the bytes at file offsets [{@value #PATTERN_OFFSET}, {@value
 *       #PATTERN_OFFSET} + {@value #PATTERN_LENGTH}) are XORed with k × 0x11 in the sender's data
 *       segments, so copy 0 is the sample's file and copies 1 to 15 differ from it and from each
 *       other. Sequence numbers and lengths do not change.
 * </ul>
 *
 * <p>The copies' packets are merged in time order (ties: lower copy first). Every copy's transfer
 * is complete; its expected file is the sample's with its own pattern, which is also its
 * "original".
 */
final class SessionCopies {
  static final int PATTERN_OFFSET = 1024;
  static final int PATTERN_LENGTH = 16;

  private final List<Packet> packets;
  private final List<FaultOutput.Transfer> transfers;
  private final int controlClientPort;

  private SessionCopies(
      List<Packet> packets, List<FaultOutput.Transfer> transfers, int controlClientPort) {
    this.packets = packets;
    this.transfers = transfers;
    this.controlClientPort = controlClientPort;
  }

  static SessionCopies of(FaultSource source, int copies, long shiftNanos) {
    SourceCapture.require(copies >= 2 && copies <= 16, "2 to 16 copies");
    ExpectedTransfer transfer = source.transfer();
    SenderStream stream = source.stream();
    SourceCapture.require(
        stream.size() >= PATTERN_OFFSET + PATTERN_LENGTH, "file too small for the pattern");
    byte[] clientIp = DataConnection.address(transfer.clientIp());
    int dataPort = transfer.clientPort();
    int controlPort = controlClientPort(source, clientIp);
    SourceCapture.require(
        Math.abs(controlPort - dataPort) >= copies
            && Math.max(controlPort, dataPort) + copies - 1 <= 0xFFFF,
        "the copies' client ports would collide");

    List<Packet> merged = new ArrayList<>();
    List<FaultOutput.Transfer> transfers = new ArrayList<>();
    for (int k = 0; k < copies; k++) {
      byte pattern = pattern(k);
      for (Packet packet : source.packets()) {
        Packet copy = packet.copy().at(packet.timestampNanos() + k * shiftNanos);
        TcpFrame tcp = copy.tcp();
        if (tcp != null) {
          if (source.connection().roleOf(tcp) == Role.SENDER && tcp.payloadLength() > 0) {
            long first = Math.floorMod(tcp.seq() - (stream.isn() + 1), SenderStream.SEQ_SPACE);
            for (int p = 0; p < tcp.payloadLength(); p++) {
              if (inPattern(first + p)) {
                tcp.frame()[tcp.payloadOffset() + p] ^= pattern;
              }
            }
          }
          if (Arrays.equals(tcp.srcAddress(), clientIp)) {
            tcp.setSrcPort(tcp.srcPort() + k);
          }
          if (Arrays.equals(tcp.dstAddress(), clientIp)) {
            tcp.setDstPort(tcp.dstPort() + k);
          }
        }
        merged.add(copy);
      }
      byte[] file = stream.bytes();
      for (int i = PATTERN_OFFSET; i < PATTERN_OFFSET + PATTERN_LENGTH; i++) {
        file[i] ^= pattern;
      }
      ExpectedTransfer copyTransfer =
          new ExpectedTransfer(
              transfer.command(),
              transfer.path(),
              transfer.direction(),
              file.length,
              Digests.sha256(file),
              transfer.clientIp(),
              dataPort + k,
              transfer.serverIp(),
              transfer.serverPort());
      transfers.add(new FaultOutput.Transfer(copyTransfer, ExpectedOutcome.complete(file)));
    }
    // stable: equal times keep copy order, and each copy's own order
    merged.sort(Comparator.comparingLong(Packet::timestampNanos));
    return new SessionCopies(merged, transfers, controlPort);
  }

  /** The client's one port that is not its data port: the control connection's. */
  private static int controlClientPort(FaultSource source, byte[] clientIp) {
    Set<Integer> ports = new TreeSet<>();
    for (Packet packet : source.packets()) {
      TcpFrame tcp = packet.tcp();
      if (tcp == null) {
        continue;
      }
      if (Arrays.equals(tcp.srcAddress(), clientIp)) {
        ports.add(tcp.srcPort());
      }
      if (Arrays.equals(tcp.dstAddress(), clientIp)) {
        ports.add(tcp.dstPort());
      }
    }
    ports.remove(source.transfer().clientPort());
    SourceCapture.require(
        ports.size() == 1, "the client uses ports " + ports + " besides its data port");
    return ports.iterator().next();
  }

  static byte pattern(int k) {
    return (byte) (k * 0x11);
  }

  private static boolean inPattern(long offset) {
    return offset >= PATTERN_OFFSET && offset < PATTERN_OFFSET + PATTERN_LENGTH;
  }

  /** Every copy's packets, merged in time order. */
  List<Packet> packets() {
    return packets;
  }

  /** Copy k's transfer and expected outcome at k. */
  List<FaultOutput.Transfer> transfers() {
    return transfers;
  }

  int controlClientPort() {
    return controlClientPort;
  }

  /** What every copy has in common, for the descriptions. */
  String describe(int copies) {
    ExpectedTransfer t = transfers.get(0).transfer();
    return "Copy k (0 to "
        + (copies - 1)
        + ") uses client ports "
        + controlClientPort
        + " + k (control) and "
        + t.clientPort()
        + " + k (data); the server's ports, and so every FTP text, stay the same: every PASV"
        + " reply announces "
        + t.serverIp()
        + ":"
        + t.serverPort()
        + ". In copy k the file bytes ["
        + PATTERN_OFFSET
        + ", "
        + (PATTERN_OFFSET + PATTERN_LENGTH)
        + ") are XORed with k * 0x11 in the data segments (copy 0 is the sample's file),"
        + " sequence numbers and lengths unchanged, checksums recomputed.";
  }
}
