package dev.ftprecon.faults;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The data connection's two endpoints, seen as sender (the side whose bytes form the file) and
 * receiver. The sender is the FTP server for a download and the FTP client for an upload, whoever
 * opened the connection.
 */
final class DataConnection {
  enum Role {
    SENDER,
    RECEIVER,
    OTHER
  }

  private final byte[] senderIp;
  private final int senderPort;
  private final byte[] receiverIp;
  private final int receiverPort;

  private DataConnection(byte[] senderIp, int senderPort, byte[] receiverIp, int receiverPort) {
    this.senderIp = senderIp;
    this.senderPort = senderPort;
    this.receiverIp = receiverIp;
    this.receiverPort = receiverPort;
  }

  static DataConnection of(ExpectedTransfer t) {
    SourceCapture.require(
        t.isDownload() || "upload".equals(t.direction()),
        "direction " + t.direction() + " is neither download nor upload");
    byte[] server = address(t.serverIp());
    byte[] client = address(t.clientIp());
    return t.isDownload()
        ? new DataConnection(server, t.serverPort(), client, t.clientPort())
        : new DataConnection(client, t.clientPort(), server, t.serverPort());
  }

  /** Parses an IP literal; never a name lookup, since the JSON only holds literals. */
  static byte[] address(String literal) {
    SourceCapture.require(
        literal.matches("[0-9A-Fa-f.:]+"), "not an IP address literal: " + literal);
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an IP address literal: " + literal, e);
    }
  }

  Role roleOf(TcpFrame tcp) {
    return tcp == null
        ? Role.OTHER
        : roleOf(tcp.srcAddress(), tcp.srcPort(), tcp.dstAddress(), tcp.dstPort());
  }

  Role roleOf(byte[] srcIp, int srcPort, byte[] dstIp, int dstPort) {
    if (is(srcIp, srcPort, dstIp, dstPort, senderIp, senderPort, receiverIp, receiverPort)) {
      return Role.SENDER;
    }
    if (is(srcIp, srcPort, dstIp, dstPort, receiverIp, receiverPort, senderIp, senderPort)) {
      return Role.RECEIVER;
    }
    return Role.OTHER;
  }

  Role roleOf(Packet packet) {
    return roleOf(packet.tcp());
  }

  boolean contains(Packet packet) {
    return roleOf(packet) != Role.OTHER;
  }

  private static boolean is(
      byte[] srcIp,
      int srcPort,
      byte[] dstIp,
      int dstPort,
      byte[] fromIp,
      int fromPort,
      byte[] toIp,
      int toPort) {
    return srcPort == fromPort
        && dstPort == toPort
        && Arrays.equals(srcIp, fromIp)
        && Arrays.equals(dstIp, toIp);
  }
}
