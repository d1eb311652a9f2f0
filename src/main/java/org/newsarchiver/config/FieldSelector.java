package org.newsarchiver.config;

import org.jspecify.annotations.Nullable;

/**
 * One CSS selector of a field, optionally reading an attribute instead of the text: written
 * {@code css} or {@code css@attribute}, e.g. {@code meta[property=article:published_time]@content}.
 */
public record FieldSelector(String css, @Nullable String attribute) {

  public FieldSelector {
    if (css.isBlank()) {
      throw new IllegalArgumentException("empty selector; give a CSS selector such as h1");
    }
  }

  /** Splits {@code css@attr} at the last {@code @} that is outside brackets and quotes. */
  public static FieldSelector parse(String written) {
    String text = written.strip();
    int depth = 0;
    char quote = 0;
    int at = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth--;
      } else if (c == '@' && depth == 0) {
        at = i;
      }
    }
    if (at < 0) return new FieldSelector(text, null);
    String attr = text.substring(at + 1).strip();
    if (attr.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + written + "' ends with '@' but names no attribute; write e.g. meta[name=date]@content");
    }
    return new FieldSelector(text.substring(0, at).strip(), attr);
  }

  @Override
  public String toString() {
    return attribute == null ? css : css + "@" + attribute;
  }
}
