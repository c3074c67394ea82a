package dev.ftprecon.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Hashes files on disk in the test, independently of what the job computed. */
final class Hashes {
  /** SHA-256 of no bytes at all: what an empty file hashes to. */
  static final String OF_NOTHING =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** The SHA-256 of each file in {@code dir}, in file name order. */
  static List<String> sha256OfEach(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> sums = new ArrayList<>();
      for (Path f : files.sorted().toList()) {
        sums.add(sha256(f));
      }
      return sums;
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Hashes() {}
}
