package org.newsarchiver.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;

/**
 * A publication date as precise as the page gives it: a bare date stays a {@link LocalDate}, a time
 * without a zone a {@link LocalDateTime}, a time with an offset an {@link OffsetDateTime}.
 */
public record PublishedDate(Temporal value) {

  public PublishedDate {
    if (!(value instanceof LocalDate
        || value instanceof LocalDateTime
        || value instanceof OffsetDateTime)) {
      throw new IllegalArgumentException(
          "value: must be LocalDate, LocalDateTime or OffsetDateTime, not " + value.getClass());
    }
  }

  /** ISO-8601: {@code 2024-10-28}, {@code 2024-10-28T14:05:00} or {@code 2024-10-28T14:05:00+03:00}. */
  public String iso() {
    if (value instanceof LocalDate d) return d.toString();
    if (value instanceof LocalDateTime t) return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
  }

  /** The calendar day as written on the page. */
  public LocalDate day() {
    return LocalDate.from(value);
  }

  /** Parses the forms {@link #iso()} writes. */
  public static PublishedDate parse(String iso) {
    if (iso.length() == 10) return new PublishedDate(LocalDate.parse(iso));
    try {
      return new PublishedDate(OffsetDateTime.parse(iso));
    } catch (java.time.format.DateTimeParseException e) {
      return new PublishedDate(LocalDateTime.parse(iso));
    }
  }

  @Override
  public String toString() {
    return iso();
  }
}
