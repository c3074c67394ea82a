package dev.ftprecon.packet;

/**
 * Which datagram a fragment belongs to. IPv4: source, destination, protocol and identification (RFC
 * 791 3.2); IPv6: source, destination and identification (RFC 8200 4.5), protocol -1. Addresses are
 * packed big-endian into two longs each; an IPv4 address fills the low 32 bits of the second.
 */
record FragmentKey(
    int ipVersion, long src0, long src1, long dst0, long dst1, int protocol, long identification) {

  static FragmentKey of(TcpSegment addresses, int protocol, long identification) {
    byte[] src = addresses.srcAddress();
    byte[] dst = addresses.dstAddress();
    return new FragmentKey(
        addresses.ipVersion(),
        high(src),
        low(src),
        high(dst),
        low(dst),
        addresses.ipVersion() == 4 ? protocol : -1,
        identification);
  }

  private static long high(byte[] a) {
    return a.length == 16 ? pack(a, 0, 8) : 0;
  }

  private static long low(byte[] a) {
    return a.length == 16 ? pack(a, 8, 8) : pack(a, 0, a.length);
  }

  private static long pack(byte[] a, int from, int count) {
    long v = 0;
    for (int i = from; i < from + count; i++) {
      v = v << 8 | (a[i] & 0xFF);
    }
    return v;
  }
}
