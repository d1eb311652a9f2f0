package org.newsarchiver.crawl;

import java.util.ArrayList;
import java.util.List;
import org.newsarchiver.archive.ArchiveRow;

/**
 * Notices a site that changed its layout under its config: its article pattern matched no link, or
 * too many of the articles a run archived lack a field the selectors should give. Sites redesign
 * without notice; selectors then fail silently unless someone counts.
 */
final class DriftCheck {
  private final double threshold;
  private int archived;
  private int noTitle;
  private int noDate;
  private int noBody;
  private String noTitleExample = "";
  private String noDateExample = "";
  private String noBodyExample = "";

  DriftCheck(double threshold) {
    this.threshold = threshold;
  }

  void archived(ArchiveRow row) {
    archived++;
    if (row.title() == null) {
      noTitle++;
      noTitleExample = row.url();
    }
    if (row.published() == null) {
      noDate++;
      noDateExample = row.url();
    }
    if (row.words() == 0) {
      noBody++;
      noBodyExample = row.url();
    }
  }

  /** The drift warnings of a run, joined by "; ", or empty. */
  String warnings(int listingPages, int articleLinks) {
    List<String> out = new ArrayList<>();
    if (listingPages > 0 && articleLinks == 0) {
      out.add("article_pattern matched no link on " + listingPages + " listing page(s)");
    }
    field(out, "title", noTitle, noTitleExample);
    field(out, "published", noDate, noDateExample);
    field(out, "body", noBody, noBodyExample);
    return String.join("; ", out);
  }

  private void field(List<String> out, String name, int empty, String example) {
    if (archived > 0 && empty > threshold * archived) {
      out.add(name + " empty in " + empty + " of " + archived + " new articles, e.g. " + example);
    }
  }
}
