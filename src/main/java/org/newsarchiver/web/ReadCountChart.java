package org.newsarchiver.web;

import java.util.List;
import java.util.Locale;
import org.newsarchiver.archive.ArticleHistory.Observation;

/**
 * An article's read count over time as inline SVG: one circle per observation that has a count,
 * placed by time and count and joined by a line, each carrying its values in {@code data-}
 * attributes and a {@code <title>} tooltip. No script needed to read it.
 */
final class ReadCountChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 220;
  private static final int PAD_LEFT = 64;
  private static final int PAD = 24;

  private ReadCountChart() {}

  static String svg(List<Observation> all) {
    List<Observation> points = all.stream().filter(o -> o.readCount() != null).toList();
    Html h = new Html();
    h.raw("<svg id=\"read-count-chart\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH
        + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\" aria-label=\"Read count over time\">");
    if (points.isEmpty()) {
      return h.raw("<text x=\"" + WIDTH / 2 + "\" y=\"" + HEIGHT / 2 + "\" text-anchor=\"middle\">no read counts observed</text></svg>").toString();
    }
    long t0 = points.get(0).observedAt().getEpochSecond();
    long t1 = points.get(points.size() - 1).observedAt().getEpochSecond();
    long max = points.stream().mapToLong(Observation::readCount).max().orElse(0);
    long top = Math.max(1, max);
    int plotW = WIDTH - PAD_LEFT - PAD;
    int plotH = HEIGHT - 2 * PAD;
    h.raw("<line class=\"axis\" x1=\"" + PAD_LEFT + "\" y1=\"" + (HEIGHT - PAD) + "\" x2=\"" + (WIDTH - PAD) + "\" y2=\""
        + (HEIGHT - PAD) + "\"/>");
    h.raw("<line class=\"axis\" x1=\"" + PAD_LEFT + "\" y1=\"" + PAD + "\" x2=\"" + PAD_LEFT + "\" y2=\"" + (HEIGHT - PAD) + "\"/>");
    h.raw("<text class=\"label\" x=\"" + (PAD_LEFT - 6) + "\" y=\"" + (PAD + 4) + "\" text-anchor=\"end\">").text(top).raw("</text>");
    h.raw("<text class=\"label\" x=\"" + (PAD_LEFT - 6) + "\" y=\"" + (HEIGHT - PAD) + "\" text-anchor=\"end\">0</text>");
    StringBuilder line = new StringBuilder();
    StringBuilder circles = new StringBuilder();
    for (Observation o : points) {
      double x = t1 == t0 ? PAD_LEFT + plotW / 2.0 : PAD_LEFT + plotW * (double) (o.observedAt().getEpochSecond() - t0) / (t1 - t0);
      double y = HEIGHT - PAD - plotH * (double) o.readCount() / top;
      String cx = String.format(Locale.ROOT, "%.1f", x);
      String cy = String.format(Locale.ROOT, "%.1f", y);
      line.append(line.length() == 0 ? "" : " ").append(cx).append(',').append(cy);
      Html c = new Html();
      c.raw("<circle class=\"point\" r=\"4\" cx=\"" + cx + "\" cy=\"" + cy + "\" data-observed-at=\"").text(o.observedAt())
          .raw("\" data-read-count=\"").text(o.readCount()).raw("\"><title>").text(o.observedAt() + ": " + o.readCount())
          .raw("</title></circle>");
      circles.append(c);
    }
    h.raw("<polyline class=\"series\" points=\"" + line + "\"/>").raw(circles.toString());
    h.raw("<text class=\"label\" x=\"" + PAD_LEFT + "\" y=\"" + (HEIGHT - 6) + "\">").text(points.get(0).observedAt())
        .raw("</text>");
    if (points.size() > 1) {
      h.raw("<text class=\"label\" x=\"" + (WIDTH - PAD) + "\" y=\"" + (HEIGHT - 6) + "\" text-anchor=\"end\">")
          .text(points.get(points.size() - 1).observedAt()).raw("</text>");
    }
    return h.raw("</svg>").toString();
  }
}
