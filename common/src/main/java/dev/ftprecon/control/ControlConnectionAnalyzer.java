package dev.ftprecon.control;

import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.ftp.FtpSessionSummary;
import dev.ftprecon.ftp.FtpSessionTracker;

/**
 * Follows one FTP control connection. Feed its segments, both directions, in capture-time order;
 * {@link #finish} returns what the session said and which data channels it announced.
 */
public final class ControlConnectionAnalyzer {
  /**
   * How many out-of-order bytes one direction may hold while waiting for a hole to fill. Control
   * channels carry short lines, so a hole this large will not be filled by a retransmission.
   */
  public static final long DEFAULT_MAX_BUFFERED_BYTES = 1 << 20;

  /**
   * How long (capture time) a hole in a control stream may wait for its retransmission before it is
   * declared lost: above the usual retransmission timeouts (RFC 6298 §2.4: at least 1 s), well
   * below the pauses of an interactive session, so that commands keep their place among replies.
   */
  public static final long DEFAULT_MAX_HOLE_WAIT_NANOS = 5_000_000_000L;

  private static final int SYN = 0x02;

  private final FtpSessionTracker tracker;
  private final OrderedDelivery fromClient;
  private final OrderedDelivery fromServer;
  private long payloadBytes;

  public ControlConnectionAnalyzer(
      String clientIp, int clientPort, String serverIp, int serverPort, FtpLimits limits) {
    this.tracker = new FtpSessionTracker(clientIp, clientPort, serverIp, serverPort, limits);
    this.fromClient =
        new OrderedDelivery(
            DEFAULT_MAX_BUFFERED_BYTES, DEFAULT_MAX_HOLE_WAIT_NANOS, new TrackerSink(true));
    this.fromServer =
        new OrderedDelivery(
            DEFAULT_MAX_BUFFERED_BYTES, DEFAULT_MAX_HOLE_WAIT_NANOS, new TrackerSink(false));
  }

  /** Hands one direction's in-order bytes and holes to the tracker. */
  private final class TrackerSink implements OrderedDelivery.Sink {
    private final boolean fromClient;

    TrackerSink(boolean fromClient) {
      this.fromClient = fromClient;
    }

    @Override
    public void data(long tsNanos, byte[] buf, int off, int len) {
      if (fromClient) {
        tracker.clientData(tsNanos, buf, off, len);
      } else {
        tracker.serverData(tsNanos, buf, off, len);
      }
    }

    @Override
    public void gap(long tsNanos, long bytes) {
      tracker.gap(fromClient, tsNanos, bytes);
    }
  }

  /** One TCP segment of the connection; {@code fromClient} says its direction. */
  public void segment(
      boolean fromClient, long tsNanos, long seq, int flags, byte[] payload, int off, int len) {
    this.fromClient.advanceTo(tsNanos);
    this.fromServer.advanceTo(tsNanos);
    OrderedDelivery side = fromClient ? this.fromClient : this.fromServer;
    if ((flags & SYN) != 0) {
      side.syn(seq);
    }
    if (len > 0) {
      payloadBytes += len;
      side.segment(tsNanos, seq, payload, off, len);
    }
  }

  /** Payload bytes seen in both directions, retransmissions included. */
  public long payloadBytes() {
    return payloadBytes;
  }

  /** Bytes of the control stream that were never seen (holes), both directions. */
  public long gapBytes() {
    return fromClient.gapBytes() + fromServer.gapBytes();
  }

  public FtpSessionSummary finish(long endNanos) {
    fromClient.finish();
    fromServer.finish();
    return tracker.finish(endNanos);
  }
}
