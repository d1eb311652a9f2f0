package org.newsarchiver.archive;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads {@code application/warc-fields} blocks: {@code name: value} lines, as metadata records hold. */
final class WarcFields {
  private WarcFields() {}

  static Optional<String> first(byte[] block, String name) {
    for (String line : new String(block, StandardCharsets.UTF_8).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return Optional.of(line.substring(colon + 1).strip());
      }
    }
    return Optional.empty();
  }
}
