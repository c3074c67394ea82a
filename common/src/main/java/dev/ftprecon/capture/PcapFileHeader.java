package dev.ftprecon.capture;

import java.util.Objects;

/**
 * What a pcap file header (draft-ietf-opsawg-pcap section 4) says about every record of the file:
 * what split readers carry from offset 0 to the middle of the file.
 *
 * @param order byte order of every field
 * @param nanosPerFractionUnit 1000 for microsecond files, 1 for nanosecond files
 * @param linkType LINKTYPE_ value of every record
 * @param snapLength SnapLen as written (unsigned 32 bits); advisory, see {@link PcapReader}
 */
record PcapFileHeader(Endianness order, long nanosPerFractionUnit, int linkType, long snapLength) {
  PcapFileHeader {
    Objects.requireNonNull(order, "order");
    if (nanosPerFractionUnit != 1 && nanosPerFractionUnit != 1_000) {
      throw new IllegalArgumentException(
          "fraction unit " + nanosPerFractionUnit + " ns (expected: 1 or 1000)");
    }
  }

  /** Fraction units per second: 10^6 for microsecond files, 10^9 for nanosecond files. */
  long fractionsPerSecond() {
    return 1_000_000_000L / nanosPerFractionUnit;
  }
}
