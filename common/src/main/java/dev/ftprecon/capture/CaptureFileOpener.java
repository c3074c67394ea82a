package dev.ftprecon.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a capture file's bytes from any offset. Split readers use it twice: once at offset 0 for
 * the file header (pcap) or the section and interface descriptions (pcapng), and once near their
 * own range. On Hadoop file systems this is {@code fs.open(path)} followed by {@code seek(offset)}.
 */
@FunctionalInterface
public interface CaptureFileOpener {
  /** A stream of the file's bytes starting at {@code offset}; the caller closes it. */
  InputStream openAt(long offset) throws IOException;
}
