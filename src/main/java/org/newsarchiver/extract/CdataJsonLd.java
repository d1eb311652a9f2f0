package org.newsarchiver.extract;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * JSON-LD blocks wrapped in {@code <![CDATA[ ... ]]>} (XHTML habit, and pages saved by some
 * tools), which {@link JsonLd#read} does not unwrap. Only consulted when a page yielded no JSON-LD
 * at all, so it costs nothing on ordinary pages. Thread-safe (stateless).
 */
final class CdataJsonLd {
  private static final String OPEN = "<![CDATA[";
  private static final String CLOSE = "]]>";

  private CdataJsonLd() {}

  /** {@code ld} itself, or the page's CDATA-wrapped blocks read without their wrapper. */
  static JsonLd orUnwrapped(Document doc, JsonLd ld) {
    if (!ld.all().isEmpty()) return ld;
    Document shell = null;
    for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
      String json = script.data().strip();
      if (!json.startsWith(OPEN)) continue;
      json = json.substring(OPEN.length());
      int end = json.lastIndexOf(CLOSE);
      if (end >= 0) json = json.substring(0, end);
      if (shell == null) shell = Document.createShell("");
      shell.body()
          .appendElement("script")
          .attr("type", "application/ld+json")
          .appendChild(new DataNode(json));
    }
    return shell == null ? ld : JsonLd.read(shell);
  }
}
