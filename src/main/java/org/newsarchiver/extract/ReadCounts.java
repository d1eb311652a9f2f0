package org.newsarchiver.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses a read (view) count written as text: {@code 726}, {@code 1,234}, {@code 1.2K}. */
public final class ReadCounts {
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private ReadCounts() {}

  public static @Nullable Long parse(String text, @Nullable Pattern pattern) {
    String s = text;
    if (pattern != null) {
      Matcher m = pattern.matcher(text);
      if (!m.find()) return null;
      s = m.groupCount() > 0 ? m.group(1) : m.group();
    }
    Matcher n = NUMBER.matcher(s);
    return n.find() ? Long.parseLong(n.group()) : null;
  }
}
