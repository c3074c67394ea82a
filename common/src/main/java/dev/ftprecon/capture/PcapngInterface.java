package dev.ftprecon.capture;

import java.util.Objects;

/**
 * What a pcapng Interface Description Block declares (draft-ietf-opsawg-pcapng section 4.2) that
 * the reader needs for the packets captured on that interface.
 *
 * @param linkType LINKTYPE_ value of the interface's packets (16 bits)
 * @param snapLength maximum bytes captured per packet, 0 for no limit (unsigned 32 bits)
 * @param resolution unit of the interface's timestamps (if_tsresol)
 * @param offsetSeconds seconds to add to every timestamp (if_tsoffset)
 */
record PcapngInterface(
    int linkType, long snapLength, TimestampResolution resolution, long offsetSeconds) {
  PcapngInterface {
    if (linkType < 0 || linkType > 0xFFFF) {
      throw new IllegalArgumentException("link type " + linkType + " (expected: 0..65535)");
    }
    if (snapLength < 0 || snapLength > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "snap length " + snapLength + " (expected: 0..4294967295)");
    }
    Objects.requireNonNull(resolution, "resolution");
  }
}
