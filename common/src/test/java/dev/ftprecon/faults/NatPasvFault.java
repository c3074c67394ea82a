package dev.ftprecon.faults;

import dev.ftprecon.faults.DataConnection.Role;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nat-pasv: the server's 227 reply to PASV announces a private address, {@value #NAT_HOST}, in
 * place of its own (as a server behind NAT that does not know its public address does, or a
 * firewall's FTP helper that rewrites the reply). The new address text has the same length as the
 * old one, so no sequence number changes; checksums are recomputed. The data connection itself is
 * untouched: the client connected to the control server's address at the announced port.
 *
 * <p>Expected: complete, the original file, and {@code announced_address_differs}: true (the
 * announced address is not the control server's).
 */
final class NatPasvFault implements FaultBehaviour {
  /** 10.0.0.99 as PASV writes it; as long as the source's "192,0,2,1". */
  static final String NAT_HOST = "10,0,0,99";

  private static final Pattern PASV =
      Pattern.compile("^227 [^(]*\\((\\d+,\\d+,\\d+,\\d+),(\\d+),(\\d+)\\)");

  @Override
  public String name() {
    return "nat-pasv";
  }

  @Override
  public String source() {
    return Samples.SMALL_IPV4_DOWNLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    ExpectedTransfer transfer = source.transfer();
    byte[] serverIp = DataConnection.address(transfer.serverIp());
    int found = -1;
    Matcher reply = null;
    for (int i = 0; i < source.packets().size(); i++) {
      TcpFrame tcp = source.packets().get(i).tcp();
      if (tcp == null
          || tcp.payloadLength() == 0
          || source.connection().roleOf(tcp) != Role.OTHER) {
        continue; // not a control-connection segment with text
      }
      String text =
          new String(
              tcp.frame(), tcp.payloadOffset(), tcp.payloadLength(), StandardCharsets.ISO_8859_1);
      Matcher m = PASV.matcher(text);
      if (m.find()) {
        SourceCapture.require(found < 0, "more than one 227 reply");
        SourceCapture.require(
            Arrays.equals(tcp.srcAddress(), serverIp),
            "the 227 reply does not come from the server");
        found = i;
        reply = m;
      }
    }
    SourceCapture.require(found >= 0, "no 227 reply");
    String host = reply.group(1);
    int port = Integer.parseInt(reply.group(2)) * 256 + Integer.parseInt(reply.group(3));
    SourceCapture.require(
        host.equals(transfer.serverIp().replace('.', ',')),
        "the 227 reply announces " + host + ", not the control server");
    SourceCapture.require(port == transfer.serverPort(), "the 227 reply announces port " + port);
    SourceCapture.require(
        host.length() == NAT_HOST.length(),
        "\"" + host + "\" and \"" + NAT_HOST + "\" differ in length");

    Packet rewritten = source.packets().get(found).copy();
    TcpFrame tcp = rewritten.tcp();
    byte[] nat = NAT_HOST.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(nat, 0, tcp.frame(), tcp.payloadOffset() + reply.start(1), nat.length);
    String before = reply.group();
    String after = before.replace(host, NAT_HOST);
    String description =
        "The server's PASV reply (capture packet "
            + (found + 1)
            + ") \""
            + before
            + "\" becomes \""
            + after
            + "\": same length, so every sequence number stays valid; checksums recomputed."
            + " The data connection still goes to "
            + transfer.serverIp()
            + ":"
            + port
            + ", the control server's address. Expected: complete, the original file,"
            + " announced_address_differs = true.";
    return FaultOutput.single(
        name(),
        source.edit().replace(found, rewritten).result(),
        description,
        ExpectedOutcome.complete(source.stream().bytes()).withAnnouncedAddressDiffers(true));
  }
}
