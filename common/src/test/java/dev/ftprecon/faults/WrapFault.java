package dev.ftprecon.faults;

import dev.ftprecon.faults.DataConnection.Role;
import dev.ftprecon.packet.TcpSegment;
import java.util.Random;

/**
 * wrap: the sender's sequence numbers (and the receiver's acknowledgment numbers) are shifted so
 * that the sender's ISN is 2^32 - {@value #BEFORE_WRAP}: the stream's sequence numbers pass 2^32 -
 * 1 and start again at 0 in the middle of the file, at file offset {@value #BEFORE_WRAP} - 1.
 * Checksums are recomputed. The file is complete and identical to the original.
 */
final class WrapFault implements FaultBehaviour {
  static final long BEFORE_WRAP = 100_000;

  @Override
  public String name() {
    return "wrap";
  }

  @Override
  public String source() {
    return Samples.IPV6_UPLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    SourceCapture.require(stream.size() > BEFORE_WRAP, "file too small to wrap in its middle");
    long newIsn = SenderStream.SEQ_SPACE - BEFORE_WRAP;
    long shift = Math.floorMod(newIsn - stream.isn(), SenderStream.SEQ_SPACE);
    PacketListEdit edit = source.edit();
    for (int i = 0; i < source.packets().size(); i++) {
      Packet packet = source.packets().get(i);
      Role role = source.connection().roleOf(packet);
      if (role == Role.OTHER) {
        continue;
      }
      Packet copy = packet.copy();
      TcpFrame tcp = copy.tcp();
      if (role == Role.SENDER) {
        tcp.setSeq((tcp.seq() + shift) % SenderStream.SEQ_SPACE);
      } else if (tcp.has(TcpSegment.ACK)) {
        tcp.setAck((tcp.ack() + shift) % SenderStream.SEQ_SPACE);
      }
      edit.replace(i, copy);
    }
    String description =
        "The sender's ISN is moved from "
            + stream.isn()
            + " to 2^32 - "
            + BEFORE_WRAP
            + " = "
            + newIsn
            + " (its sequence numbers and the receiver's acknowledgment numbers shifted by "
            + shift
            + " mod 2^32, checksums recomputed); sequence number 0 is file offset "
            + (BEFORE_WRAP - 1)
            + " of "
            + stream.size()
            + ". Expected: complete, the original file.";
    return FaultOutput.single(
        name(), edit.result(), description, ExpectedOutcome.complete(stream.bytes()));
  }
}
