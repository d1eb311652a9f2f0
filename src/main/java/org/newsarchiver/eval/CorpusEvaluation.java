package org.newsarchiver.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.newsarchiver.extract.Article;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;

/**
 * Runs the generic extractor (no site configuration) over the development corpus and scores it
 * with the corpus README's rules. Reads files; not thread-safe.
 */
public final class CorpusEvaluation {
  /** The "now" every page is extracted at, so that runs are repeatable. */
  public static final Instant FETCHED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private final Path corpus;
  private final ArticleExtractor extractor = new ArticleExtractor();

  public CorpusEvaluation(Path corpus) {
    this.corpus = corpus;
  }

  /** A loaded page: its record, decoded HTML and the URL to extract it at. */
  record Page(CorpusRecord record, String html, URI url) {}

  /** Reads every record and page; fails naming the corpus folder when it is missing. */
  public List<Page> load() throws IOException {
    Path expected = corpus.resolve("expected.jsonl");
    if (!Files.isRegularFile(expected)) {
      throw new NoSuchFileException(
          expected.toString(), null, "no corpus here; pass --corpus DIR with expected.jsonl and pages/");
    }
    ObjectMapper json = new ObjectMapper();
    List<Page> pages = new ArrayList<>();
    for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      CorpusRecord r = CorpusRecord.of(json.readTree(line));
      Path file = corpus.resolve(r.file());
      String html = HtmlDecoder.decode(Files.readAllBytes(file), null);
      URI url = r.url() == null ? file.toAbsolutePath().toUri() : URI.create(r.url().replace(" ", "%20"));
      pages.add(new Page(r, html, url));
    }
    return pages;
  }

  /** Extracts and scores every page. */
  public Report run() throws IOException {
    List<Page> pages = load();
    List<PageResult> results = new ArrayList<>();
    for (Page p : pages) results.add(score(p));
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (PageResult r : results) tallies.computeIfAbsent(r.source(), k -> new Tally()).add(r);
    Tally all = new Tally();
    results.forEach(all::add);
    tallies.put("all", all);
    Speed speed = Speed.measure(pages, this::extractOnly, CorpusEvaluation::parseOnly, CorpusEvaluation::parseAndText);
    return new Report(results, tallies, speed);
  }

  private PageResult score(Page p) {
    CorpusRecord r = p.record();
    Article a;
    try {
      a = extractor.extract(new HtmlPage(p.url(), p.html(), FETCHED_AT), null);
    } catch (RuntimeException e) {
      a = null;
    }
    String body = a == null ? "" : a.bodyText();
    boolean noOutput = a == null || (a.title() == null && body.isEmpty());
    var date = a == null ? null : a.published();
    List<String> authors = a == null ? List.of() : a.authors();
    return new PageResult(
        r.id(),
        a == null ? "error" : a.status().label(),
        r.title() == null ? null : Scoring.sameText(a == null ? null : a.title(), r.title()),
        r.published() == null ? null : Scoring.sameDay(date, r.published(), r.publishedPrecision()),
        "instant-utc".equals(r.publishedPrecision()) ? Scoring.sameUtcDay(date, r.published()) : null,
        date == null,
        r.text() == null ? null : Tokens.f1(body, r.text()),
        r.textPrefix() == null ? null : Scoring.prefixHit(body, r.textPrefix()),
        r.author() == null ? null : Scoring.sameAuthors(authors, r.author()),
        noOutput,
        a == null || a.title() == null ? "" : a.title(),
        date == null ? "" : date.iso(),
        String.join("; ", authors),
        body.length() > 160 ? body.substring(0, 160) : body);
  }

  private int extractOnly(Page p) {
    return extractor.extract(new HtmlPage(p.url(), p.html(), FETCHED_AT), null).paragraphs().size();
  }

  private static int parseOnly(Page p) {
    return Jsoup.parse(p.html(), p.url().toString()).childNodeSize();
  }

  private static int parseAndText(Page p) {
    return Jsoup.parse(p.html(), p.url().toString()).body().text().length();
  }

  /** Per-page results, the tallies by source and overall ("all"), and the speed figures. */
  public record Report(List<PageResult> pages, Map<String, Tally> tallies, Speed speed) {

    public Tally tally(String source) {
      Tally t = tallies.get(source);
      if (t == null) throw new IllegalArgumentException("source: no pages for " + source);
      return t;
    }

    /** The printed summary: one line per source, then overall, then speed. */
    public String summary() {
      StringBuilder sb = new StringBuilder();
      tallies.forEach((name, t) -> sb.append(t.line(name)).append('\n'));
      sb.append(speed.line()).append('\n');
      return sb.toString();
    }

    /** Writes one tab-separated line per page. */
    public void writeTsv(Path out) {
      try {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        List<String> lines = new ArrayList<>();
        lines.add(PageResult.tsvHeader());
        for (PageResult r : pages) lines.add(r.tsvRow());
        Files.write(out, lines, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
