package org.newsarchiver.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.JsonText;

/** Writes JSON (RFC 8259) from maps, lists, strings, numbers, booleans and nulls; keys keep map order. */
final class Json {
  private Json() {}

  static String write(@Nullable Object value) {
    StringBuilder out = new StringBuilder(1024);
    write(out, value);
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, @Nullable Object v) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      quote(out, s);
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) out.append(',');
        first = false;
        quote(out, e.getKey().toString());
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (v instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) out.append(',');
        write(out, l.get(i));
      }
      out.append(']');
    } else {
      quote(out, v.toString());
    }
  }

  private static void quote(StringBuilder out, String s) {
    JsonText.quote(out, s, true);
  }
}
