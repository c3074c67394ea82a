package dev.ftprecon.capture;

import java.util.Optional;

/** The capture file formats this package reads, recognised by their leading magic numbers. */
public enum CaptureFormat {
  /** Classic libpcap savefile (draft-ietf-opsawg-pcap). */
  PCAP,
  /**
   * pcapng, a sequence of blocks starting with a Section Header Block (draft-ietf-opsawg-pcapng).
   */
  PCAPNG;

  /** Bytes {@link #detect} needs to recognise both formats: a pcapng block type, length and BOM. */
  public static final int DETECT_BYTES = 12;

  // draft-ietf-opsawg-pcap section 4: magic 0xA1B2C3D4 means microsecond timestamps, 0xA1B23C4D
  // nanosecond ones; the writer's byte order decides how the four bytes appear in the file.
  static final int PCAP_MICROS_MAGIC = 0xA1B2C3D4;
  static final int PCAP_NANOS_MAGIC = 0xA1B23C4D;

  // draft-ietf-opsawg-pcapng section 4.1: the Section Header Block type is the palindrome
  // 0x0A0D0D0A (reads the same in both orders) and its Byte-Order Magic at offset 8 is 0x1A2B3C4D.
  static final int PCAPNG_SECTION_HEADER_TYPE = 0x0A0D0D0A;
  static final int PCAPNG_BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  static final int PCAPNG_BYTE_ORDER_MAGIC_OFFSET = 8;

  /**
   * Recognises a capture format from the first {@code length} bytes of a file.
   *
   * @param head the first bytes of the file, starting at index 0
   * @param length how many bytes of {@code head} are valid; {@link #DETECT_BYTES} suffice
   * @return the format, or empty if the bytes are neither pcap nor pcapng (or too short to tell)
   */
  public static Optional<CaptureFormat> detect(byte[] head, int length) {
    int valid = Math.min(length, head.length);
    if (valid >= 4 && isPcapMagic(Endianness.BIG.u32(head, 0))) {
      return Optional.of(PCAP);
    }
    if (valid >= DETECT_BYTES
        && Endianness.BIG.u32(head, 0) == Integer.toUnsignedLong(PCAPNG_SECTION_HEADER_TYPE)
        && Endianness.ofPcapngMagic(head, PCAPNG_BYTE_ORDER_MAGIC_OFFSET).isPresent()) {
      return Optional.of(PCAPNG);
    }
    return Optional.empty();
  }

  private static boolean isPcapMagic(long bigEndianWord) {
    int word = (int) bigEndianWord;
    return word == PCAP_MICROS_MAGIC
        || word == PCAP_NANOS_MAGIC
        || word == Integer.reverseBytes(PCAP_MICROS_MAGIC)
        || word == Integer.reverseBytes(PCAP_NANOS_MAGIC);
  }
}
