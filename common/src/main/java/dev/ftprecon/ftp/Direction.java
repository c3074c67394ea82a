package dev.ftprecon.ftp;

import java.util.Optional;

/** Which way the file bytes of a data connection flow, relative to the FTP client. */
public enum Direction {
  /** RETR: the server sends a file to the client. */
  DOWNLOAD,
  /** STOR, APPE, STOU: the client sends a file to the server. */
  UPLOAD,
  /** LIST, NLST, MLSD: the server sends a directory listing. */
  LISTING;

  /** The direction of a transfer command (RFC 959 §4.1.3, RFC 3659 §7), empty for the others. */
  static Optional<Direction> ofVerb(String verb) {
    return switch (verb) {
      case "RETR" -> Optional.of(DOWNLOAD);
      case "STOR", "APPE", "STOU" -> Optional.of(UPLOAD);
      case "LIST", "NLST", "MLSD" -> Optional.of(LISTING);
      default -> Optional.empty();
    };
  }

  /** Whether the server is the side that sends the data. */
  public boolean serverSends() {
    return this != UPLOAD;
  }
}
