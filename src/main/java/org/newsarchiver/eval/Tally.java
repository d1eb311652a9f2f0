package org.newsarchiver.eval;

import java.util.Locale;

/** The scores of a group of pages (one source, or all): rates over the pages with a reference. */
public final class Tally {
  int pages;
  int titleRef;
  int titleOk;
  int dateRef;
  int dateOk;
  int strictRef;
  int strictOk;
  int noDate;
  int textRef;
  double f1Sum;
  int prefixRef;
  int prefixOk;
  int authorRef;
  int authorOk;
  int noOutput;

  void add(PageResult r) {
    pages++;
    if (r.title() != null) {
      titleRef++;
      if (r.title()) titleOk++;
    }
    if (r.date() != null) {
      dateRef++;
      if (r.date()) dateOk++;
      if (r.noDate()) noDate++;
    }
    if (r.dateStrict() != null) {
      strictRef++;
      if (r.dateStrict()) strictOk++;
    }
    if (r.f1() != null) {
      textRef++;
      f1Sum += r.f1();
    }
    if (r.prefix() != null) {
      prefixRef++;
      if (r.prefix()) prefixOk++;
    }
    if (r.author() != null) {
      authorRef++;
      if (r.author()) authorOk++;
    }
    if (r.noOutput()) noOutput++;
  }

  public double title() {
    return rate(titleOk, titleRef);
  }

  public double date() {
    return rate(dateOk, dateRef);
  }

  public double dateStrict() {
    return rate(strictOk, strictRef);
  }

  public double f1() {
    return textRef == 0 ? Double.NaN : f1Sum / textRef;
  }

  public double prefix() {
    return rate(prefixOk, prefixRef);
  }

  public double author() {
    return rate(authorOk, authorRef);
  }

  public int pages() {
    return pages;
  }

  public int noDate() {
    return noDate;
  }

  public int noOutput() {
    return noOutput;
  }

  private static double rate(int ok, int of) {
    return of == 0 ? Double.NaN : (double) ok / of;
  }

  /** One report line: each rate with its counts. */
  String line(String name) {
    return String.format(
        Locale.ROOT,
        "%-4s pages %3d | title %s | date %s (strict utc %s, no date %d) | body F1 %s over %d"
            + " | prefix %s | author %s | no output %d",
        name,
        pages,
        fmt(titleOk, titleRef),
        fmt(dateOk, dateRef),
        fmt(strictOk, strictRef),
        noDate,
        textRef == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", f1()),
        textRef,
        fmt(prefixOk, prefixRef),
        fmt(authorOk, authorRef),
        noOutput);
  }

  private static String fmt(int ok, int of) {
    return of == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) ok / of, ok, of);
  }
}
