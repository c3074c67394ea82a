package dev.ftprecon.ftp;

/**
 * Names of the anomalies counted in {@link FtpSessionSummary#anomalies()}. The set is fixed (two
 * names carry a configured limit), so the anomaly map stays small whatever the traffic.
 */
final class Anomalies {

  static final String NOT_A_COMMAND = "client line is not a 3-4 letter command";
  static final String REPLY_WITHOUT_CODE = "reply line without a 3-digit code";
  static final String REPLY_CODE_WITHOUT_SPACE = "reply code not followed by a space";
  static final String UNFINISHED_REPLY = "multi-line reply without its last line";
  static final String UNFINISHED_LINE = "line without LF at end of stream";
  static final String UNSOLICITED_REPLY = "reply with no command awaiting one";
  static final String CLIENT_GAP = "hole in the client control stream";
  static final String SERVER_GAP = "hole in the server control stream";
  static final String PENDING_OVERFLOW = "command stopped awaiting a reply (maxPendingCommands)";
  static final String CHANNELS_DROPPED = "data channel not kept (maxChannels)";
  static final String PASV_UNREADABLE = "227 reply without a host-port";
  static final String EPSV_UNREADABLE = "229 reply without a port";
  static final String LPSV_UNREADABLE = "228 reply without a long host-port";

  /**
   * RFC 2577 §3: an accepted PORT/EPRT/LPRT naming a host other than the control client makes the
   * server connect to a third party (FTP bounce). A client behind NAT that announces its private
   * address looks the same from outside; the transfer's data endpoints tell which it was.
   */
  static final String FTP_BOUNCE = "active mode address is not the control client (FTP bounce)";

  static final String PORT_UNREADABLE = "accepted PORT argument unreadable";
  static final String EPRT_UNREADABLE = "accepted EPRT argument unreadable";
  static final String LPRT_UNREADABLE = "accepted LPRT argument unreadable";
  static final String TRANSFER_WITHOUT_MODE =
      "transfer without a mode command (RFC 959 default data port assumed)";
  static final String PWD_UNREADABLE = "257 reply without a quoted path";
  static final String REST_UNREADABLE = "REST marker is not a byte offset";
  static final String SIZE_UNREADABLE = "213 reply to SIZE is not a byte count";

  private Anomalies() {}

  static String lineTooLong(int maxLineBytes) {
    return "line longer than " + maxLineBytes + " bytes";
  }

  static String replyTooLong(int maxReplyLines) {
    return "multi-line reply longer than " + maxReplyLines + " lines";
  }
}
