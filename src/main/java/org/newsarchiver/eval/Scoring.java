package org.newsarchiver.eval;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.parser.Parser;
import org.newsarchiver.extract.PublishedDate;

/** The corpus README's comparison rules, one method per field. Thread-safe (stateless). */
public final class Scoring {
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u00A0\\u2007\\u202F\\uFEFF]+");

  private Scoring() {}

  /** Collapses each run of Unicode white space (no-break space too) to one space and trims. */
  public static String collapse(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** Title rule: exact, case-sensitive, after white-space collapsing. */
  public static boolean sameText(@Nullable String predicted, String reference) {
    return predicted != null && collapse(predicted).equals(collapse(reference));
  }

  /**
   * Author rule: the same exact match, against the ways a list of names is commonly written out:
   * "A, B, C", "A, B and C", "A and B".
   */
  public static boolean sameAuthors(List<String> predicted, String reference) {
    if (predicted.isEmpty()) return false;
    for (String form : authorForms(predicted)) {
      if (sameText(form, reference)) return true;
    }
    return false;
  }

  static List<String> authorForms(List<String> names) {
    List<String> forms = new ArrayList<>();
    forms.add(String.join(", ", names));
    if (names.size() > 1) {
      String last = names.get(names.size() - 1);
      String head = String.join(", ", names.subList(0, names.size() - 1));
      forms.add(head + " and " + last);
      forms.add(String.join(" and ", names));
    }
    return forms;
  }

  /** Prefix rule: the reference prefix appears as a contiguous run in the predicted body. */
  public static boolean prefixHit(String predictedBody, String referencePrefix) {
    String ref = prefixForm(referencePrefix);
    return !ref.isEmpty() && prefixForm(predictedBody).contains(ref);
  }

  static String prefixForm(String s) {
    String decoded = Parser.unescapeEntities(s, false);
    return collapse(Normalizer.normalize(decoded, Normalizer.Form.NFKC));
  }

  /** Same-calendar-day rule for the reference's precision. */
  public static boolean sameDay(
      @Nullable PublishedDate predicted, String reference, @Nullable String precision) {
    if (predicted == null) return false;
    LocalDate day = predicted.day();
    LocalDate refDay = refDay(reference);
    if (refDay == null) return false;
    String p = precision == null ? "day" : precision;
    switch (p) {
      case "instant": {
        if (day.equals(refDay)) return true;
        OffsetDateTime ref = instant(reference);
        if (ref != null && predicted.value() instanceof OffsetDateTime odt) {
          return odt.withOffsetSameInstant(ref.getOffset()).toLocalDate().equals(refDay);
        }
        return false;
      }
      case "instant-utc": {
        OffsetDateTime ref = instant(reference);
        if (ref == null) return day.equals(refDay);
        LocalDate earliest = ref.withOffsetSameInstant(ZoneOffset.ofHours(-12)).toLocalDate();
        LocalDate latest = ref.withOffsetSameInstant(ZoneOffset.ofHours(14)).toLocalDate();
        return !day.isBefore(earliest) && !day.isAfter(latest);
      }
      default:
        return day.equals(refDay);
    }
  }

  /** The strict figure for {@code instant-utc}: the prediction in UTC falls on the reference's UTC day. */
  public static boolean sameUtcDay(@Nullable PublishedDate predicted, String reference) {
    if (predicted == null) return false;
    OffsetDateTime ref = instant(reference);
    LocalDate refDay = ref == null ? refDay(reference) : ref.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    LocalDate day =
        predicted.value() instanceof OffsetDateTime odt
            ? odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
            : predicted.day();
    return day.equals(refDay);
  }

  private static @Nullable LocalDate refDay(String reference) {
    if (reference.length() < 10) return null;
    try {
      return LocalDate.parse(reference.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable OffsetDateTime instant(String reference) {
    try {
      return OffsetDateTime.parse(reference);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
