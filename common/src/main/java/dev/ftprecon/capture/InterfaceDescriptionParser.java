package dev.ftprecon.capture;

import java.util.Optional;

/**
 * Parses the body of a pcapng Interface Description Block (draft-ietf-opsawg-pcapng section 4.2)
 * and the two options that change how packets are read: if_tsresol and if_tsoffset. On a problem
 * {@link #parse} returns empty and {@link #problem()} says what was wrong.
 */
final class InterfaceDescriptionParser {
  // Section 4.2: after the 8-byte block header come LinkType (16 bits), Reserved (16 bits),
  // SnapLen (32 bits) and the options; the block ends with the 4-byte trailing length.
  static final int MIN_BLOCK_BYTES = 20;
  private static final int LINK_TYPE_OFFSET = 8;
  private static final int SNAPLEN_OFFSET = 12;
  private static final int OPTIONS_OFFSET = 16;
  private static final int TRAILER_BYTES = 4;

  // Section 3.5: each option is Option Code (16 bits), Option Length (16 bits) and a value
  // padded to 32 bits; opt_endofopt (code 0) ends the list.
  private static final int OPTION_HEADER_BYTES = 4;
  private static final int OPT_ENDOFOPT = 0;
  // Section 4.2, Table 3: if_tsresol is code 9 (1 byte), if_tsoffset code 14 (8-byte signed).
  private static final int IF_TSRESOL = 9;
  private static final int IF_TSRESOL_BYTES = 1;
  private static final int IF_TSOFFSET = 14;
  private static final int IF_TSOFFSET_BYTES = 8;

  private String problem = "";

  /**
   * @param b buffer holding the whole block
   * @param at index of the block start in {@code b}
   * @param length the block's total length, already checked against {@link #MIN_BLOCK_BYTES}
   * @param order the section's byte order
   * @param offset file offset of the block, for messages
   */
  Optional<PcapngInterface> parse(byte[] b, int at, int length, Endianness order, long offset) {
    int linkType = order.u16(b, at + LINK_TYPE_OFFSET);
    long snapLength = order.u32(b, at + SNAPLEN_OFFSET);
    TimestampResolution resolution = TimestampResolution.MICROSECONDS;
    long offsetSeconds = 0;
    int option = at + OPTIONS_OFFSET;
    int optionsEnd = at + length - TRAILER_BYTES;
    while (optionsEnd - option >= OPTION_HEADER_BYTES) {
      int code = order.u16(b, option);
      int valueLength = order.u16(b, option + 2);
      int value = option + OPTION_HEADER_BYTES;
      if (code == OPT_ENDOFOPT) {
        break;
      }
      if (valueLength > optionsEnd - value) {
        return fail(
            offset,
            "option "
                + code
                + " claims "
                + valueLength
                + " bytes (expected: <= "
                + (optionsEnd - value)
                + ", the bytes left in the block)");
      }
      if (code == IF_TSRESOL) {
        if (valueLength != IF_TSRESOL_BYTES) {
          return fail(offset, "if_tsresol has " + valueLength + " bytes (expected: 1)");
        }
        int raw = b[value] & 0xFF;
        Optional<TimestampResolution> parsed = TimestampResolution.fromOption(raw);
        if (parsed.isEmpty()) {
          return fail(
              offset,
              "if_tsresol 0x"
                  + Integer.toHexString(raw)
                  + " is finer than a 64-bit timestamp can hold (expected: 10^-0..10^-"
                  + TimestampResolution.MAX_DECIMAL_EXPONENT
                  + " or 2^-0..2^-"
                  + TimestampResolution.MAX_BINARY_EXPONENT
                  + ")");
        }
        resolution = parsed.get();
      } else if (code == IF_TSOFFSET) {
        if (valueLength != IF_TSOFFSET_BYTES) {
          return fail(offset, "if_tsoffset has " + valueLength + " bytes (expected: 8)");
        }
        offsetSeconds = order.u64(b, value);
      }
      // Values are padded to a 32-bit boundary; the block length is a multiple of 4, so a value
      // that fits also fits with its padding.
      option = value + ((valueLength + 3) & ~3);
    }
    return Optional.of(new PcapngInterface(linkType, snapLength, resolution, offsetSeconds));
  }

  /** What was wrong with the last block {@link #parse} rejected. */
  String problem() {
    return problem;
  }

  private Optional<PcapngInterface> fail(long offset, String what) {
    problem = "interface description block at offset " + offset + ": " + what;
    return Optional.empty();
  }
}
