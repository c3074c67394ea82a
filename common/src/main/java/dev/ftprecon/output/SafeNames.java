package dev.ftprecon.output;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds file names for reconstructed transfers: {@code <transferId>_<sanitised basename>}, made
 * only of {@code [A-Za-z0-9._-]}, at most {@link #MAX_FILE_NAME_BYTES} long, never starting with a
 * dot, never a Windows device name, and unique per transfer id.
 */
public final class SafeNames {

  /**
   * Cap on a whole file name. File systems allow 255 bytes per name (ext4, NTFS in UTF-16 units,
   * HDFS's default {@code dfs.namenode.fs-limits.max-component-length}); 150 leaves room for
   * suffixes added by tools (temporary or part files) and for deep Windows paths (MAX_PATH 260).
   */
  public static final int MAX_FILE_NAME_BYTES = 150;

  /** Extensions up to this length, dot included, are kept when a name is shortened. */
  public static final int MAX_KEPT_EXTENSION_LENGTH = 16;

  /** Base name used when nothing usable is left of the path sent. */
  public static final String EMPTY_NAME_REPLACEMENT = "data";

  private static final Pattern TRANSFER_ID = Pattern.compile("[0-9a-f]{8,64}");
  private static final int TRANSFER_ID_BYTES = 16;

  /**
   * Windows device names, reserved with any extension ("CON.txt" opens the console), in any case.
   * See Microsoft's "Naming Files, Paths, and Namespaces". COM0 and LPT0 are included to be safe;
   * the superscript-digit variants cannot occur since non-ASCII characters are replaced.
   */
  private static final Set<String> WINDOWS_DEVICE_NAMES =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6",
          "COM7", "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
          "LPT8", "LPT9");

  private SafeNames() {}

  /**
   * The file name for a transfer.
   *
   * @param transferId 8 to 64 lowercase hex digits, e.g. from {@link #transferId}
   * @param pathAsSent the path as the client sent it, possibly empty; only its last non-empty
   *     segment is used
   */
  public static String fileName(String transferId, String pathAsSent) {
    Objects.requireNonNull(transferId, "transferId");
    Objects.requireNonNull(pathAsSent, "pathAsSent");
    if (!TRANSFER_ID.matcher(transferId).matches()) {
      throw new IllegalArgumentException(
          "transfer id \"" + transferId + "\" is not 8 to 64 lowercase hex digits");
    }
    return transferId + "_" + baseName(pathAsSent, MAX_FILE_NAME_BYTES - transferId.length() - 1);
  }

  /**
   * A deterministic transfer id: the first 16 bytes of the SHA-256 of the UTF-8 parts joined with
   * NUL separators, as 32 lowercase hex digits. Parts must not contain NUL, which keeps the joining
   * unambiguous (("a\0b", "c") and ("a", "b\0c") would otherwise collide).
   */
  public static String transferId(String... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("transfer id needs at least one part, got none");
    }
    for (int i = 0; i < parts.length; i++) {
      Objects.requireNonNull(parts[i], "transfer id part " + i);
      if (parts[i].indexOf('\0') >= 0) {
        throw new IllegalArgumentException("transfer id part " + i + " contains NUL");
      }
    }
    byte[] digest = sha256(String.join("\0", parts).getBytes(UTF_8));
    return HexFormat.of().formatHex(digest, 0, TRANSFER_ID_BYTES);
  }

  /** The sanitised last segment of {@code path}, at most {@code maxLength} characters. */
  static String baseName(String path, int maxLength) {
    String name = stripDots(replaceUnsafeCharacters(lastSegment(withoutControlCharacters(path))));
    if (name.isEmpty()) {
      name = EMPTY_NAME_REPLACEMENT;
    }
    if (isWindowsDeviceName(name)) {
      name = "_" + name;
    }
    return shorten(name, maxLength);
  }

  private static String withoutControlCharacters(String path) {
    StringBuilder kept = new StringBuilder(path.length());
    path.codePoints().filter(c -> !Character.isISOControl(c)).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** The last non-empty segment, splitting on both Unix and Windows separators. */
  private static String lastSegment(String path) {
    int end = path.length();
    while (end > 0 && isSeparator(path.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && !isSeparator(path.charAt(start - 1))) {
      start--;
    }
    return path.substring(start, end);
  }

  private static boolean isSeparator(char c) {
    return c == '/' || c == '\\';
  }

  /** Keeps [A-Za-z0-9._-] and turns every other character (not UTF-16 unit) into '_'. */
  private static String replaceUnsafeCharacters(String segment) {
    StringBuilder safe = new StringBuilder(segment.length());
    segment.codePoints().forEach(c -> safe.append(isSafe(c) ? (char) c : '_'));
    return safe.toString();
  }

  private static boolean isSafe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }

  /**
   * Strips leading dots (hidden files, "." and "..") and trailing dots, which Windows silently
   * drops so that "a." and "a" would name the same file.
   */
  private static String stripDots(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && name.charAt(start) == '.') {
      start++;
    }
    while (end > start && name.charAt(end - 1) == '.') {
      end--;
    }
    return name.substring(start, end);
  }

  private static boolean isWindowsDeviceName(String name) {
    int dot = name.indexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    return WINDOWS_DEVICE_NAMES.contains(stem.toUpperCase(Locale.ROOT));
  }

  /** Cuts a too long name, keeping a short extension; never leaves a trailing dot. */
  private static String shorten(String name, int maxLength) {
    if (name.length() <= maxLength) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    int extensionLength = name.length() - dot;
    String shortened;
    if (dot > 0 && extensionLength <= MAX_KEPT_EXTENSION_LENGTH && extensionLength < maxLength) {
      shortened = name.substring(0, maxLength - extensionLength) + name.substring(dot);
    } else {
      shortened = name.substring(0, maxLength);
    }
    return stripDots(shortened);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
