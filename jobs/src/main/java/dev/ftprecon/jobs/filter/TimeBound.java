package dev.ftprecon.jobs.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * --from/--until values: an ISO-8601 instant ({@code 2026-11-25T05:02:30Z}, an offset such as
 * {@code +01:00} allowed), a date-time without zone (read as UTC), or a date (its midnight UTC).
 */
public final class TimeBound {
  private TimeBound() {}

  /** Epoch nanoseconds, or empty when the text is none of the accepted forms. */
  public static OptionalLong parse(String text) {
    String t = text.strip();
    try {
      return OptionalLong.of(nanos(OffsetDateTime.parse(t).toInstant()));
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return OptionalLong.of(nanos(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC)));
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return OptionalLong.of(nanos(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant()));
    } catch (DateTimeParseException e) {
      return OptionalLong.empty();
    }
  }

  static String format(long nanos) {
    return Instant.ofEpochSecond(
            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
        .toString();
  }

  private static long nanos(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
  }
}
