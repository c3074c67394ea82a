package dev.ftprecon.ftp;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the RFC 959 host-port notation: decimal numbers separated by commas ({@code
 * 192,168,1,2,7,138}). Real servers pad numbers with zeros ({@code 010}) and put spaces after the
 * commas, so both are accepted. A <em>run</em> is a maximal sequence of such numbers; a number with
 * more digits than any octet needs is kept in the run as -1 so the run is rejected as a whole.
 */
final class CommaNumbers {

  /** "0255" is still an octet; more digits than this cannot be one. */
  private static final int MAX_DIGITS = 4;

  private CommaNumbers() {}

  /** The numbers of {@code text} if, after trimming, it is exactly one run; otherwise null. */
  static int[] whole(String text) {
    String s = text.strip();
    if (s.isEmpty() || !isDigit(s.charAt(0))) {
      return null;
    }
    Run run = readRun(s, 0);
    return run.end == s.length() ? run.numbers : null;
  }

  /**
   * Scans free text for runs, left to right, and answers the first one the decoder accepts. This is
   * how Zeek and Wireshark find the address in a 227 reply whatever words surround it.
   */
  static Optional<HostPort> firstDecodable(
      String text, Function<int[], Optional<HostPort>> decode) {
    int i = 0;
    while (i < text.length()) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      Run run = readRun(text, i);
      Optional<HostPort> decoded = decode.apply(run.numbers);
      if (decoded.isPresent()) {
        return decoded;
      }
      i = run.end;
    }
    return Optional.empty();
  }

  /** All numbers are octets (0..255). */
  static boolean allOctets(int[] numbers) {
    for (int n : numbers) {
      if (n < 0 || n > 255) {
        return false;
      }
    }
    return true;
  }

  private record Run(int[] numbers, int end) {}

  private static Run readRun(String s, int start) {
    int[] numbers = new int[8];
    int count = 0;
    int i = start;
    int end;
    while (true) {
      int digitsEnd = i;
      while (digitsEnd < s.length() && isDigit(s.charAt(digitsEnd))) {
        digitsEnd++;
      }
      if (count == numbers.length) {
        numbers = Arrays.copyOf(numbers, count * 2);
      }
      numbers[count++] =
          digitsEnd - i <= MAX_DIGITS ? Integer.parseInt(s.substring(i, digitsEnd)) : -1;
      end = digitsEnd;
      int next = skipSpaces(s, digitsEnd);
      if (next >= s.length() || s.charAt(next) != ',') {
        break;
      }
      next = skipSpaces(s, next + 1);
      if (next >= s.length() || !isDigit(s.charAt(next))) {
        break;
      }
      i = next;
    }
    return new Run(Arrays.copyOf(numbers, count), end);
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
