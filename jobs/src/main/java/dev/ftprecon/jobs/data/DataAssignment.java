package dev.ftprecon.jobs.data;

import java.io.Serializable;

/**
 * A data connection tied to transfer number {@code transfer}: the endpoint that sends the file's
 * bytes, the one that receives them, and whether either end reset the connection.
 */
public record DataAssignment(
    int transfer,
    String senderIp,
    int senderPort,
    String receiverIp,
    int receiverPort,
    boolean rstSeen)
    implements Serializable {
  boolean sentBy(String ip, int port) {
    return senderPort == port && senderIp.equals(ip);
  }
}
