package dev.ftprecon.faults;

import dev.ftprecon.packet.TcpSegment;
import java.util.List;
import java.util.Random;

/**
 * zero-window-probe: in the middle of the transfer, the receiver's ACK of every byte sent so far
 * ({@link AckedPoint}) advertises a window of 0, and the receiver stays closed for {@value
 * #CLOSED_MILLIS} ms. After {@value #PROBE_MILLIS} ms the sender sends a zero-window probe (RFC
 * 9293 §3.8.6.1, as Windows and BSD do): flags ACK, one byte, the NEXT byte of the file (sequence
 * number SND.NXT). The receiver does not take it: its answer, {@value #ANSWER_MICROS} µs later,
 * still acknowledges SND.NXT with window 0. At {@value #CLOSED_MILLIS} ms it reopens the window (a
 * window update: the same ACK with the original window), and the sender goes on with its next data
 * segment, which starts at that same byte: every later packet of the capture is delayed by {@value
 * #CLOSED_MILLIS} ms.
 *
 * <p>Expected: complete, the original file, no conflict; the probe's byte, seen first in the probe
 * and again, identical, at the start of the next segment, counts as 1 duplicate byte. The probe
 * starts at the next byte expected, not the one before it, so it is not a keep-alive.
 */
final class ZeroWindowProbeFault implements FaultBehaviour {
  static final long PROBE_MILLIS = 200;
  static final long CLOSED_MILLIS = 400;
  static final long ANSWER_MICROS = 100;

  @Override
  public String name() {
    return "zero-window-probe";
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
    Packet ack = point.ack(source);
    int window = ack.tcp().window();
    SourceCapture.require(window > 0, "the receiver's window is already 0");

    Packet closing = ack.copy();
    closing.tcp().setWindow(0);
    long probeAt = ack.timestampNanos() + PROBE_MILLIS * 1_000_000;
    TcpFrame probe =
        point.next(source).tcp().withPayload(stream.seqOf(next), original, (int) next, 1);
    probe.setFlags(TcpSegment.ACK);
    PacketListEdit edit = source.edit();
    edit.replace(point.ackIndex(), closing);
    edit.insertAfter(point.ackIndex(), Packet.whole(probeAt, probe.frame()));
    edit.insertAfter(point.ackIndex(), closing.at(probeAt + ANSWER_MICROS * 1_000));
    edit.insertAfter(
        point.ackIndex(), ack.copy().at(ack.timestampNanos() + CLOSED_MILLIS * 1_000_000));
    edit.delayAfter(point.ackIndex(), CLOSED_MILLIS * 1_000_000);
    String description =
        "The receiver's ACK of the first "
            + next
            + " bytes (before data segment "
            + (point.segment() + 1)
            + " of "
            + stream.segments()
            + ") advertises window 0 instead of "
            + window
            + ". "
            + PROBE_MILLIS
            + " ms later the sender sends a zero-window probe: flags ACK, seq = ISN + 1 + "
            + next
            + " (SND.NXT), 1 byte, file byte "
            + next
            + " (0x"
            + String.format("%02x", original[(int) next] & 0xFF)
            + "); the receiver answers "
            + ANSWER_MICROS
            + " us later with the same ACK, window 0. At "
            + CLOSED_MILLIS
            + " ms it reopens the window (same ACK, window "
            + window
            + "), and every later packet is delayed by "
            + CLOSED_MILLIS
            + " ms: data segment "
            + (point.segment() + 1)
            + " re-sends the probe's byte. Expected: complete, the original file, no conflict,"
            + " duplicate_bytes = 1 (the probe's byte, seen again in the next segment).";
    return FaultOutput.single(
        name(), edit.result(), description, ExpectedOutcome.complete(original, 1, List.of()));
  }
}
