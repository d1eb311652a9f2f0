package org.newsarchiver.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Site configs for the hostile-web tests: one loopback site, no politeness delay, no retries. */
final class Sites {
  private Sites() {}

  /** Writes {@code <dir>/sites/<name>.yaml} for a site at {@code base} and returns the sites folder. */
  static Path write(Path dir, String name, String base, String extra) throws IOException {
    Path sites = Files.createDirectories(dir.resolve("sites"));
    Files.writeString(sites.resolve(name + ".yaml"), "name: " + name + "\nbase_url: " + base + "/\n"
        + "start_pages: [/news/]\narticle_pattern: '/news/'\nexclude_pattern: '/news/$'\n"
        + "selectors:\n  title: [h1]\n  date: [.date]\n  body: [.body]\n"
        + "dates:\n  formats: ['d MMMM yyyy']\n  locale: en\n"
        + "request:\n  delay: 0s\n  retries: 0\n  read_timeout: 2s\n  call_timeout: 10s\n" + extra);
    return sites;
  }

  static String article(String title, String date, String... paragraphs) {
    StringBuilder b = new StringBuilder("<html lang=en><head><title>" + title + "</title></head><body><article><h1>")
        .append(title).append("</h1><p class=date>").append(date).append("</p><div class=body>");
    for (String p : paragraphs) b.append("<p>").append(p).append("</p>");
    return b.append("</div></article></body></html>").toString();
  }
}
