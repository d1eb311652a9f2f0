package org.newsarchiver.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 10.2.3). */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait asked for, never negative, or null when the header is missing or unreadable. */
  static @Nullable Duration parse(@Nullable String value, Instant now) {
    if (value == null) return null;
    String v = value.strip();
    if (v.isEmpty()) return null;
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
