package dev.ftprecon.flow;

import dev.ftprecon.packet.TcpSegment;
import java.util.Arrays;

/**
 * One direction of a TCP connection: source and destination address bytes and ports. A probe key is
 * refilled from each segment ({@link #set}) and copied ({@link #copy}) only when a new direction is
 * stored, so looking a segment up allocates nothing.
 */
public final class DirectionKey {
  private byte[] src = new byte[16];
  private byte[] dst = new byte[16];
  private int addressLength;
  private int srcPort;
  private int dstPort;
  private int hash;

  /** Refills this key from the segment's addresses and ports. */
  public DirectionKey set(TcpSegment s) {
    addressLength = s.addressLength();
    System.arraycopy(s.srcAddress(), 0, src, 0, addressLength);
    System.arraycopy(s.dstAddress(), 0, dst, 0, addressLength);
    srcPort = s.srcPort();
    dstPort = s.dstPort();
    int h = addressLength;
    for (int i = 0; i < addressLength; i++) {
      h = 31 * h + src[i];
      h = 31 * h + dst[i];
    }
    hash = 31 * (31 * h + srcPort) + dstPort;
    return this;
  }

  /** An independent copy, to store. */
  public DirectionKey copy() {
    DirectionKey k = new DirectionKey();
    k.src = Arrays.copyOf(src, addressLength);
    k.dst = Arrays.copyOf(dst, addressLength);
    k.addressLength = addressLength;
    k.srcPort = srcPort;
    k.dstPort = dstPort;
    k.hash = hash;
    return k;
  }

  /** Source address bytes (4 or 16 of them, 0 without IP). */
  public byte[] srcAddress() {
    return Arrays.copyOf(src, addressLength);
  }

  public byte[] dstAddress() {
    return Arrays.copyOf(dst, addressLength);
  }

  public int srcPort() {
    return srcPort;
  }

  public int dstPort() {
    return dstPort;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DirectionKey k
        && k.hash == hash
        && k.srcPort == srcPort
        && k.dstPort == dstPort
        && k.addressLength == addressLength
        && Arrays.equals(k.src, 0, addressLength, src, 0, addressLength)
        && Arrays.equals(k.dst, 0, addressLength, dst, 0, addressLength);
  }
}
