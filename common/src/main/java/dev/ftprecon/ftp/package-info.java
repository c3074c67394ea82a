/**
 * FTP control-connection analysis: turns the reassembled bytes of one FTP control connection into
 * the commands, replies, login facts and <em>expected data channels</em> of that session, and pairs
 * those expectations with the TCP connections seen in the capture.
 *
 * <p>The design follows Zeek's FTP analyzer and has three layers:
 *
 * <ol>
 *   <li>tokenizers: {@link dev.ftprecon.ftp.LineSplitter} (Telnet-cleaned lines, RFC 959 §4),
 *       {@link dev.ftprecon.ftp.FtpCommand#parse} and {@link dev.ftprecon.ftp.ReplyAssembler}
 *       (multi-line {@code NNN-} replies, RFC 959 §4.2);
 *   <li>pure, total address parsers in {@link dev.ftprecon.ftp.FtpAddresses} for PORT/PASV (RFC
 *       959), EPRT/EPSV (RFC 2428) and LPRT/LPSV (RFC 1639) that answer "invalid" with {@code
 *       Optional.empty()} instead of throwing;
 *   <li>{@link dev.ftprecon.ftp.FtpSessionTracker}, which pairs commands with replies and turns the
 *       mode and transfer commands into {@link dev.ftprecon.ftp.ExpectedDataChannel}s, and {@link
 *       dev.ftprecon.ftp.DataChannelMatcher}, which assigns captured TCP connections to them.
 * </ol>
 *
 * <p>Traffic never raises an exception: anything unexpected is counted under a named anomaly, and
 * everything that grows with the input is capped by a field of {@link dev.ftprecon.ftp.FtpLimits}.
 * Exceptions are reserved for programming errors (invalid record values, calls after {@code
 * finish}).
 */
package dev.ftprecon.ftp;
