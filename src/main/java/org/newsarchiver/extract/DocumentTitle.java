package org.newsarchiver.extract;

/**
 * Mozilla Readability's rule for a bare {@code <title>} with no metadata title beside it: the last
 * of several separated parts is the site's or author's name ("Post | Section | Site"). Stateless.
 */
final class DocumentTitle {
  /** Readability's hierarchical separators, with the dashes titles use in their place. */
  private static final String[] SEPARATORS = {" | ", " - ", " – ", " — ", " / ", " \\ ", " > ", " » "};
  /** Readability keeps the whole title where the cut would leave four words or fewer. */
  private static final int MIN_WORDS = 5;

  private DocumentTitle() {}

  /**
   * The title without its last separated part, where what is left is a headline of five words or
   * more (separators counted as Readability counts them) and longer than the part cut: "Minutes — Riverside Allotment Society" keeps a dash inside a
   * short headline ("Biden wins – and what it means") whole.
   */
  static String withoutLastPart(String title) {
    int cut = -1;
    int sepLength = 0;
    for (String sep : SEPARATORS) {
      int i = title.lastIndexOf(sep);
      if (i > cut) {
        cut = i;
        sepLength = sep.length();
      }
    }
    if (cut <= 0) return title;
    String kept = title.substring(0, cut).strip();
    String dropped = title.substring(cut + sepLength).strip();
    if (kept.split("\\s+").length < MIN_WORDS || kept.length() <= dropped.length()) return title;
    return kept;
  }
}
