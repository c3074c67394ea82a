package dev.ftprecon.jobs.data;

import java.io.Serializable;

/**
 * A TCP connection with its endpoints in canonical order (a before b by ip text, then port), so
 * both directions map to the same key.
 */
public record ConnectionKey(String aIp, int aPort, String bIp, int bPort) implements Serializable {
  public static ConnectionKey of(String ip1, int port1, String ip2, int port2) {
    int order = ip1.compareTo(ip2);
    if (order < 0 || (order == 0 && port1 <= port2)) {
      return new ConnectionKey(ip1, port1, ip2, port2);
    }
    return new ConnectionKey(ip2, port2, ip1, port1);
  }

  static String endpoint(String ip, int port) {
    return ip + "|" + port;
  }
}
