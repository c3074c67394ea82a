package dev.ftprecon.faults;

import dev.ftprecon.faults.DataConnection.Role;
import dev.ftprecon.packet.TcpSegment;
import java.util.List;

/**
 * A point in the middle of a transfer where the sender can pause: the receiver has just
 * acknowledged every byte sent so far (its last packet before data segment {@code segment} is a
 * pure ACK of sequence number ISN + 1 + that segment's offset, with nothing in flight) and the
 * segment comes next. The keep-alive and zero-window faults insert their probes right after that
 * ACK, at capture index {@code ackIndex}.
 *
 * @param segment the data segment that follows the pause (counted from 0)
 * @param ackIndex capture index of the receiver's ACK of everything before it
 */
record AckedPoint(int segment, int ackIndex) {

  /** The first such point from the middle data segment on. */
  static AckedPoint middle(FaultSource source) {
    SenderStream stream = source.stream();
    List<Packet> packets = source.packets();
    for (int k = Math.max(1, stream.segments() / 2); k < stream.segments(); k++) {
      int last = -1;
      for (int i = stream.index(k - 1) + 1; i < stream.index(k); i++) {
        if (source.connection().roleOf(packets.get(i)) == Role.RECEIVER) {
          last = i;
        }
      }
      if (last < 0) {
        continue;
      }
      TcpFrame ack = packets.get(last).tcp();
      if (ack.payloadLength() == 0
          && ack.flags() == TcpSegment.ACK
          && ack.ack() == stream.seqOf(stream.offset(k))) {
        return new AckedPoint(k, last);
      }
    }
    throw new IllegalStateException(
        "no data segment in the second half is preceded by an ACK of everything before it");
  }

  /** The receiver's ACK: a template for the ACKs the receiver sends during the pause. */
  Packet ack(FaultSource source) {
    return source.packets().get(ackIndex);
  }

  /** The data segment after the pause: a template for the sender's probes. */
  Packet next(FaultSource source) {
    return source.packets().get(source.stream().index(segment));
  }

  /** File offset of the next byte the receiver expects (the first byte of the next segment). */
  long nextOffset(FaultSource source) {
    return source.stream().offset(segment);
  }
}
