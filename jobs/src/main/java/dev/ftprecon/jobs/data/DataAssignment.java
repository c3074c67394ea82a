package dev.ftprecon.jobs.data;

import java.io.Serializable;

/**
 * A data connection tied to transfer number {@code transfer}: the endpoint that sends the file's
 * bytes, and the one that receives them.
 */
public record DataAssignment(
    int transfer, String senderIp, int senderPort, String receiverIp, int receiverPort)
    implements Serializable {
  boolean sentBy(String ip, int port) {
    return senderPort == port && senderIp.equals(ip);
  }
}
