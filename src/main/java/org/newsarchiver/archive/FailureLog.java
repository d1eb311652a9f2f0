package org.newsarchiver.archive;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The articles of one site that failed, in {@code <site>/state/failures.csv} (columns
 * {@code url,cause,detail,attempts,last_attempt,next_attempt}; an empty next attempt means it is
 * not tried again): each failure waits an exponential back-off before the next try, and after
 * {@code maxAttempts} it is left alone, its reason kept. A success removes the URL. Rewritten
 * atomically by {@link #save}. Not thread-safe.
 */
public final class FailureLog {
  public static final List<String> COLUMNS =
      List.of("url", "cause", "detail", "attempts", "last_attempt", "next_attempt");

  /** One failing URL. {@code nextAttempt} is null once it has used up its attempts. */
  public record Failure(
      String url, String cause, String detail, int attempts, Instant lastAttempt, @Nullable Instant nextAttempt) {}

  private final Path file;
  private final int maxAttempts;
  private final Duration base;
  private final Map<String, Failure> byUrl = new TreeMap<>();
  private boolean dirty;

  private FailureLog(Path file, int maxAttempts, Duration base) {
    this.file = file;
    this.maxAttempts = maxAttempts;
    this.base = base;
  }

  /** Loads the site's failures; rows that cannot be read are dropped (their URLs are simply tried again). */
  public static FailureLog load(Path siteDir, int maxAttempts, Duration base) throws IOException {
    FailureLog log = new FailureLog(siteDir.resolve("state").resolve("failures.csv"), maxAttempts, base);
    if (!Files.isRegularFile(log.file)) return log;
    String text = Files.readString(log.file, StandardCharsets.UTF_8);
    try (CSVParser p = CSVParser.parse(new StringReader(text),
        ArticlesCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : p) {
        try {
          String next = r.get("next_attempt");
          Failure f = new Failure(r.get("url"), r.get("cause"), r.get("detail"), Integer.parseInt(r.get("attempts")),
              Instant.parse(r.get("last_attempt")), next.isEmpty() ? null : Instant.parse(next));
          log.byUrl.put(f.url(), f);
        } catch (IllegalArgumentException | DateTimeParseException e) {
          log.dirty = true;
        }
      }
    }
    return log;
  }

  /** Every failing URL, sorted by URL. */
  public List<Failure> all() {
    return List.copyOf(byUrl.values());
  }

  /** Whether the URL may be fetched now: never failed, or its back-off has elapsed. */
  public boolean mayTry(String url, Instant now) {
    Failure f = byUrl.get(url);
    return f == null || (f.nextAttempt() != null && !now.isBefore(f.nextAttempt()));
  }

  public @Nullable Failure get(String url) {
    return byUrl.get(url);
  }

  /** Notes one more failed attempt: the next waits {@code base * 2^(attempts-1)}. */
  public Failure failed(String url, String cause, String detail, Instant now) {
    Failure old = byUrl.get(url);
    int attempts = old == null ? 1 : old.attempts() + 1;
    Instant next = attempts >= maxAttempts ? null : now.plus(base.multipliedBy(1L << Math.min(attempts - 1, 20)));
    Failure f = new Failure(url, cause, detail, attempts, now, next);
    byUrl.put(url, f);
    dirty = true;
    return f;
  }

  /** Forgets a URL that has now succeeded. */
  public void succeeded(String url) {
    if (byUrl.remove(url) != null) dirty = true;
  }

  /** Writes the file atomically when anything changed. */
  public void save() throws IOException {
    if (!dirty) return;
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, ArticlesCsv.FORMAT)) {
      p.printRecord(COLUMNS);
      for (Failure f : byUrl.values()) {
        p.printRecord(f.url(), f.cause(), f.detail(), f.attempts(), f.lastAttempt(),
            f.nextAttempt() == null ? "" : f.nextAttempt().toString());
      }
    }
    AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    dirty = false;
  }
}
