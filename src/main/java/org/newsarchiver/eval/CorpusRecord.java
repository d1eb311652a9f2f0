package org.newsarchiver.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One line of the corpus' {@code expected.jsonl}: a page file and the reference values it has. A
 * missing field means "no reference", not "the page has none".
 */
public record CorpusRecord(
    String id,
    String file,
    @Nullable String url,
    @Nullable String title,
    @Nullable String published,
    @Nullable String publishedPrecision,
    @Nullable String text,
    @Nullable String textPrefix,
    @Nullable String author) {

  public CorpusRecord {
    if (id.isBlank()) throw new IllegalArgumentException("id: must not be blank");
    if (file.isBlank()) throw new IllegalArgumentException("file: must not be blank (record " + id + ")");
  }

  /** The source prefix of the id: {@code pl} or {@code rd}. */
  public String source() {
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(0, dash);
  }

  static CorpusRecord of(JsonNode n) {
    return new CorpusRecord(
        str(n, "id", ""),
        str(n, "file", ""),
        str(n, "url", null),
        str(n, "title", null),
        str(n, "published", null),
        str(n, "published_precision", null),
        str(n, "text", null),
        str(n, "text_prefix", null),
        str(n, "author", null));
  }

  private static @Nullable String str(JsonNode n, String field, @Nullable String dflt) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? dflt : v.asText();
  }
}
