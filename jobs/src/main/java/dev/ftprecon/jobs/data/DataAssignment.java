package dev.ftprecon.jobs.data;

import java.io.Serializable;

/**
 * A data connection tied to transfer number {@code transfer}: the endpoint that sends the file's
 * bytes, the one that receives them, whether either end reset the connection, and the payload bytes
 * its segments carried (both directions, retransmissions included: a size for scheduling).
 */
public record DataAssignment(
    int transfer,
    String senderIp,
    int senderPort,
    String receiverIp,
    int receiverPort,
    boolean rstSeen,
    long payloadBytes)
    implements Serializable {
  boolean sentBy(String ip, int port) {
    return senderPort == port && senderIp.equals(ip);
  }
}
