package dev.ftprecon.packet;

/**
 * Follows an EtherType (Ethernet, or the protocol field of Linux cooked headers) through any
 * stacked VLAN tags to the network protocol.
 */
final class EtherTypes {
  static final int IPV4 = 0x0800;
  static final int IPV6 = 0x86DD;

  /** IEEE 802.1Q customer VLAN tag. */
  static final int VLAN = 0x8100;

  /** IEEE 802.1ad service VLAN tag (QinQ outer tag). */
  static final int QINQ = 0x88A8;

  /** Pre-standard QinQ outer tag used by some switches. */
  static final int QINQ_LEGACY = 0x9100;

  /** 802.1Q tag after the EtherType: TCI (2 bytes) then the inner EtherType (2 bytes). */
  private static final int TAG_BYTES = 4;

  private static final int TAG_TYPE_OFFSET = 2;

  /** Tags accepted in a stack; real networks use one or two. Bounds the walk on junk. */
  static final int MAX_TAGS = 8;

  /**
   * @param type the EtherType or protocol field value
   * @param headerBytes length of the link header; the tags, if any, and then the network header
   *     follow it
   */
  boolean decode(byte[] b, DecodeState s, int type, int headerBytes) {
    int next = s.start + headerBytes;
    int tags = 0;
    while (type == VLAN || type == QINQ || type == QINQ_LEGACY) {
      if (++tags > MAX_TAGS) {
        return s.malformed(
            "more than " + MAX_TAGS + " stacked VLAN tags (expected: <= " + MAX_TAGS + ")");
      }
      int present = s.capturedEnd - next;
      if (present < TAG_BYTES) {
        return s.malformed(
            "truncated VLAN tag: " + Math.max(present, 0) + " bytes (expected: " + TAG_BYTES + ")");
      }
      type = NetworkBytes.u16(b, next + TAG_TYPE_OFFSET);
      next += TAG_BYTES;
    }
    s.start = next;
    // Values up to 1500 are 802.3 length fields (LLC follows), anything else is not IP for us.
    if (type == IPV4) {
      s.network = DecodeState.NETWORK_IPV4;
      return true;
    }
    if (type == IPV6) {
      s.network = DecodeState.NETWORK_IPV6;
      return true;
    }
    return s.stop(DecodeStatus.NOT_IP);
  }
}
