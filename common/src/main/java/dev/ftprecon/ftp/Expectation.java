package dev.ftprecon.ftp;

import java.io.Serializable;
import java.util.Objects;

/**
 * An expected data channel together with the control connection it was announced on, as input to
 * {@link DataChannelMatcher}.
 *
 * @param sessionId identifies the control connection; used only to order ties deterministically
 * @param controlClientIp the control connection's client address (normalised like {@link HostPort})
 * @param controlServerIp the control connection's server address (normalised like {@link HostPort})
 * @param channel the channel the session announced
 */
public record Expectation(
    String sessionId, String controlClientIp, String controlServerIp, ExpectedDataChannel channel)
    implements Serializable {

  public Expectation {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(channel, "channel");
    controlClientIp = new HostPort(controlClientIp, 0).ip();
    controlServerIp = new HostPort(controlServerIp, 0).ip();
  }
}
