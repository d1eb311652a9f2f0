package org.newsarchiver.sites;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The corpus README's "same calendar day" rule for one reference date: {@code day}, {@code
 * day-utc} and {@code local-datetime} need the same date part; {@code instant} the same date part,
 * or the predicted instant on that date at the reference's offset; {@code instant-utc} any day the
 * reference instant falls on at an offset from -12:00 to +14:00.
 */
record ExpectedDay(String published, String precision) {

  boolean accepts(@Nullable String predicted) {
    if (predicted == null || predicted.length() < 10) return false;
    LocalDate day;
    try {
      day = LocalDate.parse(predicted.substring(0, 10));
    } catch (DateTimeParseException e) {
      return false;
    }
    LocalDate referenceDay = LocalDate.parse(published.substring(0, 10));
    switch (precision) {
      case "instant-utc" -> {
        OffsetDateTime ref = OffsetDateTime.parse(published);
        LocalDate earliest = ref.withOffsetSameInstant(ZoneOffset.ofHours(-12)).toLocalDate();
        LocalDate latest = ref.withOffsetSameInstant(ZoneOffset.ofHours(14)).toLocalDate();
        return !day.isBefore(earliest) && !day.isAfter(latest);
      }
      case "instant" -> {
        if (day.equals(referenceDay)) return true;
        OffsetDateTime pred = offsetDateTime(predicted);
        if (pred == null) return false;
        ZoneOffset refOffset = OffsetDateTime.parse(published).getOffset();
        return pred.withOffsetSameInstant(refOffset).toLocalDate().equals(referenceDay);
      }
      default -> {
        return day.equals(referenceDay);
      }
    }
  }

  private static @Nullable OffsetDateTime offsetDateTime(String s) {
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return published + " (" + precision + ")";
  }
}
