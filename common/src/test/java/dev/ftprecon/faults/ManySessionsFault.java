package dev.ftprecon.faults;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * many-sessions: {@value #COPIES} copies of a whole session (control and data connections, see
 * {@link SessionCopies}) in one capture, copy k shifted by k × {@value #SHIFT_MICROS} µs, so that
 * they overlap and their packets interleave: the sample's session lasts about 4.8 ms and its data
 * connection about 1 ms, so every copy's control session overlaps every other's and each data
 * connection overlaps the next and previous three. Every copy has its own client ports and its own
 * file bytes. All copies' PASV replies announce the same server endpoint; in capture order each
 * copy's data connection opens (SYN) before the next copy's 227 reply.
 *
 * <p>Expected: {@value #COPIES} complete transfers, each with its own data connection and sha256.
 */
final class ManySessionsFault implements FaultBehaviour {
  static final int COPIES = 12;
  static final long SHIFT_MICROS = 300;

  @Override
  public String name() {
    return "many-sessions";
  }

  @Override
  public String source() {
    return Samples.SMALL_IPV4_DOWNLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    List<Packet> packets = source.packets();
    long shift = SHIFT_MICROS * 1_000;
    long session =
        packets.get(packets.size() - 1).timestampNanos() - packets.get(0).timestampNanos();
    SourceCapture.require(
        (COPIES - 1) * shift < session, "the last copy would start after the first one ended");
    // Each copy's data connection must open before the next copy's 227 reply, so that capture
    // order alone pairs every data connection with its announcement.
    long syn = packets.get(source.stream().initiatorSynIndex()).timestampNanos();
    long reply = -1;
    for (int i = 0; i < source.stream().initiatorSynIndex(); i++) {
      TcpFrame tcp = packets.get(i).tcp();
      if (tcp != null
          && tcp.payloadLength() >= 4
          && new String(tcp.frame(), tcp.payloadOffset(), 4, StandardCharsets.US_ASCII)
              .equals("227 ")) {
        reply = packets.get(i).timestampNanos();
      }
    }
    SourceCapture.require(
        reply >= 0 && syn - reply < shift,
        "a copy's 227 reply would come before the SYN of the copy before it");
    SessionCopies copies = SessionCopies.of(source, COPIES, shift);
    String description =
        COPIES
            + " copies of the whole session of the source, copy k shifted by k * "
            + SHIFT_MICROS
            + " us (the session lasts "
            + session / 1_000
            + " us, so all copies overlap and their packets interleave; each copy's data"
            + " connection opens "
            + (syn - reply) / 1_000
            + " us after its 227 reply, before the next copy's). "
            + copies.describe(COPIES)
            + " Expected: "
            + COPIES
            + " complete transfers (\"transfers\", in copy order), each with its own data"
            + " connection and sha256; \"transfer\"/\"expected\" are copy 0's.";
    return FaultOutput.several(name(), copies.packets(), description, copies.transfers());
  }
}
