package dev.ftprecon.faults;

import dev.ftprecon.faults.DataConnection.Role;
import dev.ftprecon.packet.TcpSegment;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The data connection of a clean source capture, mapped out: where its handshake, data segments and
 * FIN are in capture order, and the file bytes it carries.
 *
 * <p>The file bytes are obtained without any ftprecon reassembly code: the sender's payloads are
 * concatenated in capture order, after checking that the capture is clean (every data segment
 * starts exactly where the previous one ended, beginning at ISN + 1: no loss, no retransmission, no
 * reordering) and that the result has the size and SHA-256 of the original file. Every expected
 * value of every fault is derived from these bytes and from the ranges the fault removed or
 * changed, never from what our code makes of the generated captures.
 */
final class SenderStream {
  static final long SEQ_SPACE = 1L << 32;

  private final List<Integer> dataIndices = new ArrayList<>();
  private final List<Long> dataOffsets = new ArrayList<>();
  private final List<Integer> dataLengths = new ArrayList<>();
  private final byte[] bytes;
  private final long isn;
  private final int initiatorSynIndex;
  private final int synAckIndex;
  private final int handshakeAckIndex;
  private final int senderFinIndex;

  SenderStream(SourceCapture source, DataConnection connection, ExpectedTransfer expected) {
    List<Packet> packets = source.packets();
    int initiatorSyn = -1;
    int synAck = -1;
    int handshakeAck = -1;
    int fin = -1;
    Role initiator = null;
    long senderIsn = -1;
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 0; i < packets.size(); i++) {
      TcpFrame tcp = packets.get(i).tcp();
      Role role = connection.roleOf(tcp);
      if (role == Role.OTHER) {
        continue;
      }
      String where = source.path() + " packet " + (i + 1);
      SourceCapture.require(!tcp.hasSackBlocks(), where + ": SACK blocks in a clean capture");
      if (tcp.has(TcpSegment.SYN)) {
        if (!tcp.has(TcpSegment.ACK)) {
          SourceCapture.require(initiatorSyn < 0, where + ": a second SYN");
          initiatorSyn = i;
          initiator = role;
        } else {
          SourceCapture.require(synAck < 0 && initiatorSyn >= 0, where + ": unexpected SYN-ACK");
          synAck = i;
        }
        if (role == Role.SENDER) {
          senderIsn = tcp.seq();
        }
      } else if (role == initiator && synAck >= 0 && handshakeAck < 0) {
        SourceCapture.require(
            tcp.payloadLength() == 0 && tcp.has(TcpSegment.ACK),
            where + ": the handshake's last ACK carries data");
        handshakeAck = i;
      }
      if (role != Role.SENDER) {
        SourceCapture.require(tcp.payloadLength() == 0, where + ": the receiver sent data");
        continue;
      }
      if (tcp.payloadLength() > 0) {
        SourceCapture.require(
            senderIsn >= 0 && handshakeAck >= 0, where + ": data before the handshake");
        long offset = file.size();
        long expectedSeq = (senderIsn + 1 + offset) % SEQ_SPACE;
        SourceCapture.require(
            tcp.seq() == expectedSeq,
            where + ": seq " + tcp.seq() + ", expected " + expectedSeq + " (not a clean capture)");
        SourceCapture.require(fin < 0, where + ": data after the FIN");
        dataIndices.add(i);
        dataOffsets.add(offset);
        dataLengths.add(tcp.payloadLength());
        file.write(tcp.frame(), tcp.payloadOffset(), tcp.payloadLength());
      }
      if (tcp.has(TcpSegment.FIN) && fin < 0) {
        fin = i;
        SourceCapture.require(
            (tcp.seq() + tcp.payloadLength()) % SEQ_SPACE
                == (senderIsn + 1 + file.size()) % SEQ_SPACE,
            where + ": FIN not at the end of the data");
      }
    }
    SourceCapture.require(handshakeAck >= 0, source.path() + ": no complete handshake");
    SourceCapture.require(fin >= 0, source.path() + ": the sender never sent a FIN");
    // Faults that pick segments check that there are enough for them (SegmentPicker).
    SourceCapture.require(dataIndices.size() >= 2, source.path() + ": fewer than 2 data segments");
    this.bytes = file.toByteArray();
    SourceCapture.require(
        bytes.length == expected.bytes(),
        source.path()
            + ": "
            + bytes.length
            + " bytes on the wire, the original has "
            + expected.bytes());
    String sha256 = Digests.sha256(bytes);
    SourceCapture.require(
        sha256.equals(expected.sha256()),
        source.path()
            + ": sha256 "
            + sha256
            + " of the wire bytes, the original's is "
            + expected.sha256());
    this.isn = senderIsn;
    this.initiatorSynIndex = initiatorSyn;
    this.synAckIndex = synAck;
    this.handshakeAckIndex = handshakeAck;
    this.senderFinIndex = fin;
  }

  /** The original file: the sender's payload bytes, checked against the expected SHA-256. */
  byte[] bytes() {
    return bytes.clone();
  }

  int size() {
    return bytes.length;
  }

  /** The sender's initial sequence number; the first file byte has sequence number ISN + 1. */
  long isn() {
    return isn;
  }

  /** Number of data segments (sender segments with payload). */
  int segments() {
    return dataIndices.size();
  }

  /** Capture index of the k-th data segment. */
  int index(int k) {
    return dataIndices.get(k);
  }

  /** File offset of the first byte of the k-th data segment. */
  long offset(int k) {
    return dataOffsets.get(k);
  }

  int length(int k) {
    return dataLengths.get(k);
  }

  /** File range of the k-th data segment. */
  FileRange range(int k) {
    return new FileRange(offset(k), offset(k) + length(k));
  }

  /** Sequence number of the byte at a file offset (mod 2^32). */
  long seqOf(long offset) {
    return (isn + 1 + offset) % SEQ_SPACE;
  }

  /** The connection opener's SYN. */
  int initiatorSynIndex() {
    return initiatorSynIndex;
  }

  int synAckIndex() {
    return synAckIndex;
  }

  /** The opener's ACK completing the three-way handshake. */
  int handshakeAckIndex() {
    return handshakeAckIndex;
  }

  /** The sender's first segment with FIN, which may also be its last data segment. */
  int senderFinIndex() {
    return senderFinIndex;
  }
}
