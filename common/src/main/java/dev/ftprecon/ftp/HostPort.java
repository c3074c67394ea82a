package dev.ftprecon.ftp;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * A TCP endpoint as announced on an FTP control connection.
 *
 * @param ip the address in canonical text: IPv4 dotted quad, IPv6 per RFC 5952 (lowercase,
 *     compressed); any IPv4 or IPv6 literal given is normalised, so {@code 2001:DB8:0:0::1} becomes
 *     {@code 2001:db8::1}
 * @param port the TCP port, 0..65535
 */
public record HostPort(String ip, int port) implements Serializable {

  public HostPort {
    Objects.requireNonNull(ip, "ip");
    Optional<String> canonical = IpText.canonical(ip);
    if (canonical.isEmpty()) {
      throw new IllegalArgumentException("not an IP address literal: " + ip);
    }
    ip = canonical.get();
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("TCP port out of range 0..65535: " + port);
    }
  }

  /** Builds from raw address bytes (4 or 16) and a port already known to be in range. */
  static HostPort of(byte[] address, int port) {
    return new HostPort(IpText.format(address), port);
  }
}
