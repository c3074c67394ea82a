package dev.ftprecon.capture;

/** The input does not start like a pcap or pcapng file, so no reader can be opened on it. */
public final class NotACaptureException extends Exception {
  private static final long serialVersionUID = 1L;

  NotACaptureException(String message) {
    super(message);
  }
}
