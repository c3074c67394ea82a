package dev.ftprecon.ftp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Splits one direction of a control connection into lines. Memory is bounded by {@code
 * maxLineBytes} whatever the input: an endless line is cut once and the rest discarded up to the
 * next LF.
 *
 * <ul>
 *   <li>A line ends at LF and a CR right before it is dropped: RFC 959 specifies CRLF, but real
 *       peers send bare LF.
 *   <li>RFC 959 §4 runs the control connection over Telnet, so Telnet commands are removed: {@code
 *       IAC x} for the two-byte commands (IP and DM precede ABOR, §4.1.3) and {@code IAC
 *       WILL/WONT/DO/DONT option}; {@code IAC IAC} is a literal 0xFF byte. Subnegotiation ({@code
 *       IAC SB}) is not used on FTP control connections, so only its two-byte marks are removed. An
 *       IAC followed by anything else is a peer that does not escape 0xFF (e.g. ISO-8859-1 'ÿ'), so
 *       both bytes are kept.
 *   <li>Bytes become text as UTF-8 when they are valid UTF-8 (RFC 2640), else as ISO-8859-1, which
 *       maps every byte to one character, so no byte is lost.
 * </ul>
 */
final class LineSplitter {

  /**
   * A complete line; its time is that of the packet that completed it (or cut it). {@code notUtf8}:
   * the bytes were not valid UTF-8 and {@code text} is their ISO-8859-1 reading, so {@link #bytes}
   * gives back exactly the bytes sent (after Telnet unescaping) either way.
   */
  record Line(long timestampNanos, String text, boolean truncated, boolean notUtf8) {
    Line(long timestampNanos, String text, boolean truncated) {
      this(timestampNanos, text, truncated, false);
    }

    byte[] bytes() {
      return LineSplitter.bytes(text, notUtf8);
    }
  }

  private static final int LF = '\n';
  private static final int CR = '\r';

  // Telnet command bytes, RFC 854.
  private static final int IAC = 255;
  private static final int WILL = 251;
  private static final int DONT = 254;
  private static final int SE = 240;

  private enum Telnet {
    DATA,
    AFTER_IAC,
    AFTER_OPTION_VERB
  }

  private static final int INITIAL_CAPACITY = 256;

  private final int maxLineBytes;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buffer;
  private int length;
  private Telnet telnet = Telnet.DATA;

  /**
   * A CR arrived when the buffer was already full: harmless if LF follows, else the line is long.
   */
  private boolean crAtLimit;

  /** The current line was cut; skip to the next LF. */
  private boolean discarding;

  LineSplitter(int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1, was " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxLineBytes)];
  }

  /** Consumes bytes that arrived at {@code timestampNanos}, handing each completed line to sink. */
  void feed(long timestampNanos, byte[] bytes, int offset, int count, Consumer<Line> sink) {
    for (int i = offset; i < offset + count; i++) {
      int b = bytes[i] & 0xff;
      switch (telnet) {
        case AFTER_OPTION_VERB -> telnet = Telnet.DATA; // the option byte itself
        case AFTER_IAC -> {
          telnet = b >= WILL && b <= DONT ? Telnet.AFTER_OPTION_VERB : Telnet.DATA;
          if (b == IAC) {
            take(IAC, timestampNanos, sink);
          } else if (b < SE) {
            take(IAC, timestampNanos, sink);
            take(b, timestampNanos, sink);
          }
        }
        case DATA -> {
          if (b == IAC) {
            telnet = Telnet.AFTER_IAC;
          } else {
            take(b, timestampNanos, sink);
          }
        }
      }
    }
  }

  /** Whether bytes of an unfinished line are held. */
  boolean hasPartialLine() {
    return length > 0 || crAtLimit;
  }

  /**
   * Forgets the unfinished line, after a hole in the stream. The bytes after a hole are taken as
   * the start of a new line: peers write a line at a time, so holes mostly fall between lines.
   */
  void dropPartialLine() {
    length = 0;
    crAtLimit = false;
    discarding = false;
    telnet = Telnet.DATA;
  }

  /** At end of stream: the unfinished line, if any, as a line of its own. */
  Optional<Line> flush(long timestampNanos) {
    if (length == 0) {
      dropPartialLine();
      return Optional.empty();
    }
    Line line = line(timestampNanos, length, false);
    dropPartialLine();
    return Optional.of(line);
  }

  private void take(int b, long timestampNanos, Consumer<Line> sink) {
    if (b == LF) {
      if (!discarding) {
        int end = length > 0 && buffer[length - 1] == CR && !crAtLimit ? length - 1 : length;
        sink.accept(line(timestampNanos, end, false));
      }
      length = 0;
      crAtLimit = false;
      discarding = false;
      return;
    }
    if (discarding) {
      return;
    }
    if (crAtLimit || length == maxLineBytes && b != CR) {
      sink.accept(line(timestampNanos, maxLineBytes, true));
      length = 0;
      crAtLimit = false;
      discarding = true;
      return;
    }
    if (length == maxLineBytes) {
      crAtLimit = true;
      return;
    }
    if (length == buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.min(maxLineBytes, buffer.length * 2));
    }
    buffer[length++] = (byte) b;
  }

  /** The bytes a line's text was read from: the inverse of the decoding here. */
  static byte[] bytes(String text, boolean notUtf8) {
    return text.getBytes(notUtf8 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  private Line line(long timestampNanos, int end, boolean truncated) {
    boolean ascii = true;
    for (int i = 0; i < end && ascii; i++) {
      ascii = buffer[i] >= 0;
    }
    if (ascii) {
      return new Line(
          timestampNanos, new String(buffer, 0, end, StandardCharsets.US_ASCII), truncated, false);
    }
    try {
      String text = utf8.decode(ByteBuffer.wrap(buffer, 0, end)).toString();
      return new Line(timestampNanos, text, truncated, false);
    } catch (CharacterCodingException notUtf8) {
      return new Line(
          timestampNanos, new String(buffer, 0, end, StandardCharsets.ISO_8859_1), truncated, true);
    }
  }
}
