package dev.ftprecon.jmh;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark input: a classic pcap of about {@link #sizeMiB} MiB made by repeating the records
 * of a real sample capture, written once (kept for later runs) and read through once so that the
 * page cache holds it.
 */
@State(Scope.Benchmark)
public class LargeCapture {
  /**
   * A real capture (classic pcap) whose records are repeated; relative to the working directory.
   */
  @Param("samples/pasv-download-ipv4-pureftpd-curl.pcap")
  public String sample;

  @Param("1024")
  public int sizeMiB;

  /** Where the large capture goes; empty means /tmp/ftprecon-jmh-SAMPLE-SIZEm.pcap. */
  @Param("")
  public String path;

  /** pcap file header (magic, versions, snaplen, link type), 24 bytes. */
  static final int FILE_HEADER_BYTES = 24;

  /** pcap record header (seconds, fraction, captured length, original length), 16 bytes. */
  static final int RECORD_HEADER_BYTES = 16;

  Path file;
  long bytes;
  long records;

  @Setup(Level.Trial)
  public void create() throws IOException {
    Path source = Path.of(sample);
    file =
        path.isEmpty()
            ? Path.of(
                "/tmp",
                "ftprecon-jmh-"
                    + source.getFileName().toString().replaceFirst("\\.pcap$", "")
                    + "-"
                    + sizeMiB
                    + "m.pcap")
            : Path.of(path);
    byte[] original = Files.readAllBytes(source);
    ByteBuffer in = ByteBuffer.wrap(original);
    int magic = in.getInt(0);
    if (magic == 0xD4C3B2A1 || magic == 0x4D3CB2A1) {
      in.order(ByteOrder.LITTLE_ENDIAN);
    } else if (magic != 0xA1B2C3D4 && magic != 0xA1B23C4D) {
      throw new IOException(source + " is not a classic pcap (magic " + Integer.toHexString(magic));
    }
    List<byte[]> recordBytes = new ArrayList<>();
    int at = FILE_HEADER_BYTES;
    while (at + RECORD_HEADER_BYTES <= original.length) {
      int length = RECORD_HEADER_BYTES + in.getInt(at + 8);
      if (at + length > original.length) {
        break;
      }
      recordBytes.add(java.util.Arrays.copyOfRange(original, at, at + length));
      at += length;
    }
    long target = (long) sizeMiB << 20;
    long perPass = recordBytes.stream().mapToLong(r -> r.length).sum();
    long passes = Math.max(1, (target - FILE_HEADER_BYTES) / perPass);
    long expected = FILE_HEADER_BYTES + passes * perPass;
    if (!Files.exists(file) || Files.size(file) != expected) {
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
        out.write(original, 0, FILE_HEADER_BYTES);
        for (long pass = 0; pass < passes; pass++) {
          for (byte[] r : recordBytes) {
            out.write(r);
          }
        }
      }
      Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    bytes = Files.size(file);
    records = passes * recordBytes.size();
    try (InputStream warm = Files.newInputStream(file)) {
      warm.transferTo(OutputStream.nullOutputStream());
    }
    System.out.printf("%n# input %s: %d bytes, %d records%n", file, bytes, records);
  }
}
