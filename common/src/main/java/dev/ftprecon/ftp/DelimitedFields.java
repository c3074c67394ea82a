package dev.ftprecon.ftp;

/**
 * The three fields of RFC 2428 §2's delimited address, {@code <d><af><d><address><d><port><d>}, as
 * used by EPRT and in the 229 reply to EPSV. The field values are not interpreted here beyond the
 * port being a decimal 0..65535.
 *
 * @param family the address family field: "1" (IPv4), "2" (IPv6), or empty in a 229 reply
 * @param address the address field, empty in a 229 reply
 * @param port the TCP port
 * @param end index just after the closing delimiter
 */
record DelimitedFields(String family, String address, int port, int end) {

  /** Longest address field looked through: an IPv6 text address with an embedded dotted quad. */
  private static final int MAX_ADDRESS_FIELD = 45;

  /** The family field is one digit ("1" or "2"), the port field at most five. */
  private static final int MAX_FAMILY_FIELD = 1;

  private static final int MAX_PORT_FIELD = 5;

  /** Reads {@code d af d address d port d} at {@code start}; null if that is not what is there. */
  static DelimitedFields read(String s, int start) {
    char d = s.charAt(start);
    int afEnd = nextDelimiter(s, d, start + 1, MAX_FAMILY_FIELD);
    int addressEnd = afEnd < 0 ? -1 : nextDelimiter(s, d, afEnd + 1, MAX_ADDRESS_FIELD);
    int portEnd = addressEnd < 0 ? -1 : nextDelimiter(s, d, addressEnd + 1, MAX_PORT_FIELD);
    if (portEnd < 0) {
      return null;
    }
    int port = decimalPort(s.substring(addressEnd + 1, portEnd));
    if (port < 0) {
      return null;
    }
    return new DelimitedFields(
        s.substring(start + 1, afEnd), s.substring(afEnd + 1, addressEnd), port, portEnd + 1);
  }

  /**
   * Index of {@code d} at most {@code maxField} characters after {@code from}, or -1. Bounding the
   * look-ahead keeps scanning a long reply for a delimiter linear in its length.
   */
  private static int nextDelimiter(String s, char d, int from, int maxField) {
    int last = Math.min(s.length() - 1, from + maxField);
    for (int i = from; i <= last; i++) {
      if (s.charAt(i) == d) {
        return i;
      }
    }
    return -1;
  }

  private static int decimalPort(String text) {
    if (text.isEmpty() || text.length() > MAX_PORT_FIELD) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 65535 ? value : -1;
  }
}
