package org.newsarchiver.bench;

import java.time.LocalDate;
import java.util.Random;

/**
 * The pages of the benchmark site, each a pure function of its number: article pages with the
 * furniture of a real news page (head metadata, inline style and script, navigation, share
 * buttons, related links, footer) around 20-40 paragraphs, and listing pages of article links.
 */
final class SitePages {
  static final int PER_LISTING = 100;

  private static final String[] WORDS = (
      "the of and to in a is that for on with as was by at from it his an were are which this be has "
          + "government minister election city police report said year people new market court "
          + "officials week percent company council health school water energy prices budget "
          + "president according statement investigation region border agreement talks village "
          + "residents workers hospital research university museum festival season team match "
          + "league coach players record storm weather forecast river bridge railway airport "
          + "emergency services spokesperson announced confirmed expected earlier later morning "
          + "evening thousands millions dozens local national international economy growth "
          + "inflation interest bank loans housing rent families children students teachers "
          + "doctors nurses patients clinic vaccine climate carbon emissions wind solar farmers "
          + "harvest drought flood rescue volunteers charity donation community centre library")
      .split(" ");
  private static final String[] SECTIONS = {"world", "politics", "business", "science", "sport", "culture"};

  private SitePages() {}

  static String articlePath(int i) {
    LocalDate d = date(i);
    return String.format("/news/%04d/%02d/%02d/story-%d.html", d.getYear(), d.getMonthValue(), d.getDayOfMonth(), i);
  }

  private static LocalDate date(int i) {
    return LocalDate.of(2020, 1, 1).plusDays(i % 1500);
  }

  static String article(int i, int total) {
    Random r = new Random(i * 7919L + 17);
    String title = capital(words(r, 6 + r.nextInt(6)));
    String date = date(i) + "T" + String.format("%02d:%02d:00Z", r.nextInt(24), r.nextInt(60));
    String author = capital(WORDS[r.nextInt(WORDS.length)]) + " " + capital(WORDS[r.nextInt(WORDS.length)]);
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(title).append(" | Bench News</title>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"")
        .append(title).append("\">\n<meta property=\"article:published_time\" content=\"").append(date)
        .append("\">\n<meta name=\"author\" content=\"").append(author).append("\">\n")
        .append("<link rel=\"canonical\" href=\"").append(articlePath(i)).append("\">\n")
        .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
        .append("\"headline\":\"").append(title).append("\",\"datePublished\":\"").append(date)
        .append("\",\"author\":{\"@type\":\"Person\",\"name\":\"").append(author).append("\"}}</script>\n<style>");
    for (int k = 0; k < 60 + r.nextInt(60); k++) {
      b.append(".c").append(k).append("{margin:0 ").append(k % 7).append("px;padding:").append(k % 5)
          .append("px;font:14px/1.4 Georgia,serif;color:#").append(Integer.toHexString(0x100000 + r.nextInt(0xeffff))).append("}\n");
    }
    b.append("</style></head>\n<body class=\"article\">\n<header class=\"site-header\"><a href=\"/\" class=\"logo\">Bench News</a>\n<nav class=\"menu\"><ul>");
    for (int k = 0; k < 40; k++) {
      b.append("<li><a href=\"/list/").append(1 + k % Math.max(1, (total + PER_LISTING - 1) / PER_LISTING))
          .append(".html\">").append(capital(SECTIONS[k % SECTIONS.length])).append(' ').append(k).append("</a></li>");
    }
    b.append("</ul></nav></header>\n<main><article class=\"story\">\n<h1 class=\"headline\">").append(title)
        .append("</h1>\n<div class=\"byline\">By <a rel=\"author\" href=\"/\">").append(author)
        .append("</a> <time datetime=\"").append(date).append("\" pubdate>").append(date(i)).append("</time></div>\n")
        .append("<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a> <a href=\"#\">Email</a></div>\n<div class=\"story-body\">\n");
    int paragraphs = 25 + r.nextInt(21);
    for (int p = 0; p < paragraphs; p++) {
      b.append("<p>").append(capital(words(r, 40 + r.nextInt(50)))).append(".</p>\n");
      if (p == 6) b.append("<div class=\"ad\"><script>window.ads=window.ads||[];ads.push({slot:'mid-").append(p).append("'})</script></div>\n");
    }
    b.append("</div></article>\n<aside class=\"related\"><h2>Related</h2><ul>");
    for (int k = 1; k <= 12; k++) {
      int j = Math.floorMod(i + k * 37, total);
      b.append("<li><a href=\"").append(articlePath(j)).append("\">").append(capital(words(r, 7))).append("</a></li>");
    }
    b.append("</ul></aside></main>\n<footer class=\"site-footer\"><ul>");
    for (int k = 0; k < 60; k++) b.append("<li><a href=\"/\">").append(capital(words(r, 2))).append("</a></li>");
    b.append("</ul><p>&copy; Bench News</p></footer>\n<script>var config={");
    for (int k = 0; k < 400 + r.nextInt(400); k++) b.append("k").append(k).append(":\"").append(Long.toHexString(r.nextLong())).append("\",");
    b.append("end:1};</script>\n</body></html>\n");
    return b.toString();
  }

  static String listing(int k, int listings, int total) {
    StringBuilder b = new StringBuilder(24 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Latest news, page ").append(k)
        .append(" | Bench News</title></head>\n<body class=\"listing\"><header><a href=\"/\">Bench News</a></header>\n<main><ul class=\"stories\">\n");
    Random r = new Random(k);
    int from = (k - 1) * PER_LISTING;
    for (int i = from; i < Math.min(total, from + PER_LISTING); i++) {
      b.append("<li><a href=\"").append(articlePath(i)).append("\">").append(capital(words(r, 8))).append("</a></li>\n");
    }
    b.append("</ul>\n");
    if (k < listings) b.append("<a rel=\"next\" class=\"next\" href=\"/list/").append(k + 1).append(".html\">Next page</a>\n");
    b.append("</main><footer>&copy; Bench News</footer></body></html>\n");
    return b.toString();
  }

  private static String words(Random r, int n) {
    StringBuilder b = new StringBuilder(n * 8);
    for (int w = 0; w < n; w++) {
      if (w > 0) b.append(' ');
      b.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
