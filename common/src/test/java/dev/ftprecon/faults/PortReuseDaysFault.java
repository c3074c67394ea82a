package dev.ftprecon.faults;

import java.util.Random;

/**
 * port-reuse-days: {@value #COPIES} copies of a whole PASV session (see {@link SessionCopies}) in
 * one capture, copy k shifted by k days (k × 86400 s). The server announces the same passive
 * endpoint every time, so the same server port carries {@value #COPIES} data connections, days
 * apart, each from its own client port and with its own file bytes.
 *
 * <p>Expected: {@value #COPIES} complete transfers, each mapped to its own data connection (its own
 * sha256), never to an earlier day's.
 */
final class PortReuseDaysFault implements FaultBehaviour {
  static final int COPIES = 5;
  static final long DAY_NANOS = 86_400L * 1_000_000_000L;

  @Override
  public String name() {
    return "port-reuse-days";
  }

  @Override
  public String source() {
    return Samples.SMALL_IPV4_DOWNLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SessionCopies copies = SessionCopies.of(source, COPIES, DAY_NANOS);
    String description =
        COPIES
            + " copies of the whole session of the source, copy k shifted by k days (k * 86400 s)."
            + " "
            + copies.describe(COPIES)
            + " Expected: "
            + COPIES
            + " complete transfers (\"transfers\", in time order), each mapped to its own data"
            + " connection with its own sha256; \"transfer\"/\"expected\" are copy 0's.";
    return FaultOutput.several(name(), copies.packets(), description, copies.transfers());
  }
}
