package dev.ftprecon.faults;

import dev.ftprecon.faults.DataConnection.Role;
import dev.ftprecon.packet.TcpSegment;
import java.util.Random;

/**
 * rst-midway (download): the transfer is cut after half of the sender's data segments. Every later
 * packet of the data connection (the rest of the data, the ACKs, both FINs) is removed, and in
 * place of the first removed data segment (with its timestamp) the receiver resets the connection:
 * RST+ACK, acknowledging all data kept. The control connection is left as it was, 226 reply
 * included.
 *
 * <p>Expected status: aborted, meaning a RST was seen before any FIN of the sender and fewer bytes
 * arrived than the file has (its size is known from the control connection's SIZE reply). The file
 * is the received prefix (size = the kept data, sha256 of those first bytes of the original); the
 * bytes announced but never sent are one gap past its end.
 */
final class RstMidwayFault implements FaultBehaviour {
  @Override
  public String name() {
    return "rst-midway";
  }

  @Override
  public String source() {
    return Samples.IPV4_DOWNLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    SourceCapture.require(source.transfer().isDownload(), "rst-midway needs a download");
    int keptSegments = stream.segments() / 2;
    int cut = stream.index(keptSegments);
    long keptBytes = stream.offset(keptSegments);
    PacketListEdit edit = source.edit();
    Packet lastFromReceiver = null;
    for (int i = 0; i < source.packets().size(); i++) {
      Packet packet = source.packets().get(i);
      Role role = source.connection().roleOf(packet);
      if (role == Role.RECEIVER && i < cut) {
        lastFromReceiver = packet;
      } else if (role != Role.OTHER && i >= cut) {
        edit.remove(i);
      }
    }
    SourceCapture.require(lastFromReceiver != null, "the receiver sent nothing before the cut");
    TcpFrame template = lastFromReceiver.tcp();
    SourceCapture.require(template.payloadLength() == 0, "the receiver sent data");
    TcpFrame rst = template.withPayload(template.seq(), new byte[0], 0, 0);
    rst.setFlags(TcpSegment.RST | TcpSegment.ACK);
    rst.setAck(stream.seqOf(keptBytes));
    edit.insertAfter(cut, Packet.whole(source.packets().get(cut).timestampNanos(), rst.frame()));
    String description =
        "The data connection ends after "
            + keptSegments
            + " of "
            + stream.segments()
            + " data segments ("
            + keptBytes
            + " of "
            + stream.size()
            + " bytes): the rest of it is removed and the receiver sends RST+ACK (ack = ISN + 1 + "
            + keptBytes
            + ") at the time of the first removed data segment. The control connection (SIZE"
            + " reply, 226) is untouched. Expected: aborted, the file is the first "
            + keptBytes
            + " bytes of the original; the rest, announced by SIZE, is one gap past its end.";
    return FaultOutput.single(
        name(),
        edit.result(),
        description,
        ExpectedOutcome.prefix(ExpectedOutcome.ABORTED, stream.bytes(), (int) keptBytes));
  }
}
