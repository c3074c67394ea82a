package dev.ftprecon.ftp;

/**
 * The data endpoint in force: announced by the last accepted mode command, in force until the next
 * mode command. Counts the transfers that used it so a second one can be flagged as reuse.
 */
final class AnnouncedEndpoint {

  final String mode;
  final boolean passive;
  final HostPort address;
  final long modeNanos;
  private int uses;

  AnnouncedEndpoint(String mode, boolean passive, HostPort address, long modeNanos) {
    this.mode = mode;
    this.passive = passive;
    this.address = address;
    this.modeNanos = modeNanos;
  }

  /**
   * RFC 959 §3.2: without PORT or PASV the server connects from its port L-1 to the client's
   * control port U, so the listening end is the client's control endpoint.
   */
  static AnnouncedEndpoint rfc959Default(HostPort clientControl, long transferNanos) {
    return new AnnouncedEndpoint("DEFAULT", false, clientControl, transferNanos);
  }

  /** Registers one more transfer; answers whether an earlier one already used this endpoint. */
  boolean use() {
    return uses++ > 0;
  }
}
