package org.newsarchiver.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.DateSettings;

/** Parses a date written as text, with a site's formats first, then common forms. */
public final class DateText {
  private DateText() {}

  public static @Nullable PublishedDate parse(String text, DateSettings settings, Instant now) {
    String s = text.strip();
    for (String pattern : settings.formats()) {
      try {
        TemporalAccessor t = DateTimeFormatter.ofPattern(pattern, settings.locale()).parse(s);
        return new PublishedDate(LocalDate.from(t));
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    try {
      return new PublishedDate(OffsetDateTime.parse(s));
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return new PublishedDate(LocalDateTime.parse(s));
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return new PublishedDate(LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
