package dev.ftprecon.faults;

import java.util.Random;

/**
 * no-handshake: the data connection's SYN, SYN-ACK and the ACK completing the handshake are
 * removed, as if the capture started after the connection was opened but before its first data
 * byte. The ISN is then only known from the first data segment (its seq is ISN + 1). The file is
 * complete and identical to the original.
 */
final class NoHandshakeFault implements FaultBehaviour {
  @Override
  public String name() {
    return "no-handshake";
  }

  @Override
  public String source() {
    return Samples.IPV6_UPLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    PacketListEdit edit =
        source
            .edit()
            .remove(stream.initiatorSynIndex())
            .remove(stream.synAckIndex())
            .remove(stream.handshakeAckIndex());
    String description =
        "The data connection's three handshake packets (capture packets "
            + (stream.initiatorSynIndex() + 1)
            + ", "
            + (stream.synAckIndex() + 1)
            + ", "
            + (stream.handshakeAckIndex() + 1)
            + " of the source, counting from 1) are removed; the first data segment still"
            + " follows. Expected: complete, the original file.";
    return FaultOutput.single(
        name(), edit.result(), description, ExpectedOutcome.complete(stream.bytes()));
  }
}
