package org.newsarchiver.config;

import java.util.List;

/**
 * The CSS selectors of one site, per field an ordered list where the first match wins, plus the
 * selectors of elements removed before any field is read.
 */
public record Selectors(
    List<FieldSelector> title,
    List<FieldSelector> date,
    List<FieldSelector> body,
    List<FieldSelector> readCount,
    List<FieldSelector> author,
    List<FieldSelector> source,
    List<String> drop) {

  public static final Selectors NONE =
      new Selectors(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  public Selectors {
    title = List.copyOf(title);
    date = List.copyOf(date);
    body = List.copyOf(body);
    readCount = List.copyOf(readCount);
    author = List.copyOf(author);
    source = List.copyOf(source);
    drop = List.copyOf(drop);
  }
}
