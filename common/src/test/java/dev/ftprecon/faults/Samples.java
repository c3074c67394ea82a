package dev.ftprecon.faults;

/** The clean sample captures the faults start from (see testdata/README.md). */
final class Samples {
  /** PASV download over IPv4, pure-ftpd + curl; the last data segment carries the FIN. */
  static final String IPV4_DOWNLOAD = "samples/pasv-download-ipv4-pureftpd-curl.pcap";

  /**
   * EPRT upload over IPv6, pyftpdlib + ftplib: the server opens the data connection, the client
   * sends the file; the last data segment carries the FIN.
   */
  static final String IPV6_UPLOAD = "samples/eprt-upload-ipv6-pyftpdlib-ftplib.pcap";

  /** EPSV download over IPv6 in pcapng, pure-ftpd + curl; the FIN is a segment of its own. */
  static final String IPV6_DOWNLOAD_PCAPNG = "samples/epsv-download-ipv6-pureftpd-curl.pcapng";

  /**
   * PASV download over IPv4, pyftpdlib on port 2121 + curl: a 2048-byte file in two data segments
   * (1448 + 600), the FIN a segment of its own; the smallest sample with a whole download session.
   */
  static final String SMALL_IPV4_DOWNLOAD =
      "samples/pasv-download-port2121-ipv4-pyftpdlib-curl.pcap";

  private Samples() {}
}
