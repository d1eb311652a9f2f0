package org.newsarchiver.eval;

import org.jspecify.annotations.Nullable;

/**
 * How one corpus page scored; a field is null when the page has no reference for it. {@code
 * dateStrict} is only set for {@code instant-utc} references.
 */
public record PageResult(
    String id,
    String status,
    @Nullable Boolean title,
    @Nullable Boolean date,
    @Nullable Boolean dateStrict,
    boolean noDate,
    @Nullable Double f1,
    @Nullable Boolean prefix,
    @Nullable Boolean author,
    boolean noOutput,
    String predictedTitle,
    String predictedDate,
    String predictedAuthors,
    String bodyStart) {

  public String source() {
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(0, dash);
  }

  static String tsvHeader() {
    return "id\tstatus\ttitle\tdate\tdate_strict\tf1\tprefix\tauthor\tno_output"
        + "\tpredicted_title\tpredicted_date\tpredicted_authors\tbody_start";
  }

  String tsvRow() {
    return String.join(
        "\t",
        id,
        status,
        mark(title),
        noDate && date != null ? "none" : mark(date),
        mark(dateStrict),
        f1 == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", f1),
        mark(prefix),
        mark(author),
        noOutput ? "1" : "0",
        clean(predictedTitle),
        clean(predictedDate),
        clean(predictedAuthors),
        clean(bodyStart));
  }

  private static String mark(@Nullable Boolean b) {
    return b == null ? "" : b ? "1" : "0";
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
