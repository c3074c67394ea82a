package dev.ftprecon.ftp;

import java.io.Serializable;

/**
 * A TCP connection seen in the capture, as input to {@link DataChannelMatcher}.
 *
 * @param aIp one end's address (normalised like {@link HostPort})
 * @param aPort one end's port
 * @param bIp the other end's address
 * @param bPort the other end's port
 * @param aInitiated true if a SYN from a was seen; false means the initiator is unknown
 * @param firstNanos time of the connection's first packet
 * @param lastNanos time of its last packet
 */
public record ConnectionFacts(
    String aIp,
    int aPort,
    String bIp,
    int bPort,
    boolean aInitiated,
    long firstNanos,
    long lastNanos)
    implements Serializable {

  public ConnectionFacts {
    aIp = new HostPort(aIp, aPort).ip();
    bIp = new HostPort(bIp, bPort).ip();
  }

  /** End a as an endpoint. */
  public HostPort a() {
    return new HostPort(aIp, aPort);
  }

  /** End b as an endpoint. */
  public HostPort b() {
    return new HostPort(bIp, bPort);
  }
}
