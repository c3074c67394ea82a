package dev.ftprecon.ftp;

import java.io.Serializable;
import java.util.Objects;

/**
 * A data connection the control connection says will happen: one per transfer command (RETR, STOR,
 * APPE, STOU, LIST, NLST, MLSD), with the endpoint announced by the mode command in force.
 *
 * @param ordinal 0-based number of the channel among those the session opened, in command order;
 *     unique in the session, with gaps where {@link FtpLimits#maxChannels()} evicted a refused one
 * @param command the transfer verb
 * @param path the transfer argument exactly as sent (may be empty, or ls-style options for LIST)
 * @param resolvedPath {@code path} resolved lexically against the working directory; the working
 *     directory is "/" until a PWD reply or absolute CWD says otherwise; null for STOU when the
 *     server did not say which name it chose
 * @param mode PASV, EPSV, LPSV, PORT, EPRT, LPRT, or DEFAULT when no mode command was seen and RFC
 *     959 §3.2's default (the server connects to the client's control port) is assumed
 * @param passive whether the server listens (PASV, EPSV, LPSV)
 * @param announced the listening end: the server side if passive, the client side if active
 * @param announcedAddressDiffers passive: the announced address is not the control server's (NAT,
 *     or a server lying about itself); active: it is not the control client's (an FTP bounce)
 * @param endpointReused an earlier transfer of this session already used the same announcement
 * @param user the last USER argument sent before the transfer, null if none
 * @param transferType the TYPE argument in force, as sent ("I", "A", "A N", "L 8"); "A" by default
 *     (RFC 959 §3.1.1.1)
 * @param restOffset the REST offset that applied to this transfer (RFC 3659 §5), 0 if none
 * @param modeNanos when the mode command was sent
 * @param commandNanos when the transfer command was sent
 * @param finalReplyNanos when its final (2yz-5yz) reply arrived, {@link #NO_FINAL_REPLY} if none
 *     did (capture times may be negative: pcapng if_tsoffset, so -1 is a time like any other)
 * @param replyCode the final reply code; the preliminary one if no final reply came; 0 if none
 * @param replyText the text of that reply, empty if none
 * @param announcedSize the file size the server announced: the "(n bytes)" of a 1yz reply, else a
 *     SIZE reply (RFC 3659 §4) for the same path, for downloads; the ALLO size for uploads; -1 if
 *     unknown. With a REST offset the connection carries {@code announcedSize - restOffset} bytes.
 * @param direction which way the file flows
 * @param storedName for STOU, the name the server chose ("150 FILE: name", RFC 1123 §4.1.2.9), else
 *     null
 * @param pathNotUtf8 the command line was not valid UTF-8, so {@code path} is its ISO-8859-1
 *     reading (one character per byte); {@link #pathBytes} gives the bytes sent either way
 */
public record ExpectedDataChannel(
    int ordinal,
    String command,
    String path,
    String resolvedPath,
    String mode,
    boolean passive,
    HostPort announced,
    boolean announcedAddressDiffers,
    boolean endpointReused,
    String user,
    String transferType,
    long restOffset,
    long modeNanos,
    long commandNanos,
    long finalReplyNanos,
    int replyCode,
    String replyText,
    long announcedSize,
    Direction direction,
    String storedName,
    boolean pathNotUtf8)
    implements Serializable {

  /** {@code finalReplyNanos} when no final reply came. */
  public static final long NO_FINAL_REPLY = Long.MIN_VALUE;

  public ExpectedDataChannel {
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must not be negative: " + ordinal);
    }
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(announced, "announced");
    Objects.requireNonNull(transferType, "transferType");
    Objects.requireNonNull(replyText, "replyText");
    Objects.requireNonNull(direction, "direction");
    if (restOffset < 0) {
      throw new IllegalArgumentException("restOffset must not be negative: " + restOffset);
    }
    if (announcedSize < -1) {
      throw new IllegalArgumentException("announcedSize must be -1 or a size: " + announcedSize);
    }
  }

  /**
   * The path exactly as the client sent it, byte for byte (after Telnet unescaping, RFC 959 §4):
   * UTF-8 when it was valid UTF-8 (RFC 2640), else the raw bytes. Names need not be text: RFC 959
   * leaves their encoding to the server.
   */
  public byte[] pathBytes() {
    return LineSplitter.bytes(path, pathNotUtf8);
  }
}
