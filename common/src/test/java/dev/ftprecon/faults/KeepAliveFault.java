package dev.ftprecon.faults;

import dev.ftprecon.packet.TcpSegment;
import java.util.Random;

/**
 * keepalive: in the middle of the transfer, once the receiver has acknowledged every byte sent so
 * far ({@link AckedPoint}), the sender goes quiet and sends {@value #COUNT} Windows-style
 * keep-alive probes one second apart (RFC 1122 §4.2.3.6): flags ACK, sequence number SND.NXT − 1,
 * one byte of garbage, 0x00, which differs from the file byte at that position. The receiver
 * answers each with a copy of its last ACK (ack = SND.NXT) {@value #ANSWER_MICROS} µs later. The
 * data resumes one second after the last probe: every later packet of the capture is delayed by
 * {@value #COUNT} + 1 seconds.
 *
 * <p>Expected: complete, the original file, no conflict and no duplicate: a keep-alive re-sends the
 * byte before the next one expected and is not data, whatever it carries.
 */
final class KeepAliveFault implements FaultBehaviour {
  static final int COUNT = 3;
  static final byte GARBAGE = 0x00;
  static final long ANSWER_MICROS = 100;
  private static final long SECOND = 1_000_000_000L;

  @Override
  public String name() {
    return "keepalive";
  }

  @Override
  public String source() {
    return Samples.SMALL_IPV4_DOWNLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    byte[] original = stream.bytes();
    AckedPoint point = AckedPoint.middle(source);
    long next = point.nextOffset(source);
    SourceCapture.require(
        original[(int) next - 1] != GARBAGE,
        "the byte before offset " + next + " is already the keep-alive's garbage");
    Packet ack = point.ack(source);
    TcpFrame template = point.next(source).tcp();
    PacketListEdit edit = source.edit();
    for (int n = 1; n <= COUNT; n++) {
      long at = ack.timestampNanos() + n * SECOND;
      TcpFrame probe = template.withPayload(stream.seqOf(next - 1), new byte[] {GARBAGE}, 0, 1);
      probe.setFlags(TcpSegment.ACK);
      edit.insertAfter(point.ackIndex(), Packet.whole(at, probe.frame()));
      edit.insertAfter(point.ackIndex(), ack.copy().at(at + ANSWER_MICROS * 1_000));
    }
    edit.delayAfter(point.ackIndex(), (COUNT + 1) * SECOND);
    String description =
        "After the receiver's ACK of the first "
            + next
            + " bytes (before data segment "
            + (point.segment() + 1)
            + " of "
            + stream.segments()
            + "), the sender sends "
            + COUNT
            + " keep-alive probes 1 s apart: flags ACK, seq = ISN + "
            + next
            + " (SND.NXT - 1, file offset "
            + (next - 1)
            + "), 1 byte 0x00 where the file has 0x"
            + String.format("%02x", original[(int) next - 1] & 0xFF)
            + "; the receiver repeats its ACK (ack = ISN + 1 + "
            + next
            + ") "
            + ANSWER_MICROS
            + " us after each. Every later packet is delayed by "
            + (COUNT + 1)
            + " s. Expected: complete, the original file, no conflict and no duplicate (RFC 1122"
            + " 4.2.3.6: a keep-alive is not data).";
    return FaultOutput.single(
        name(), edit.result(), description, ExpectedOutcome.complete(original));
  }
}
