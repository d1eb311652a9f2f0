package org.newsarchiver.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;

/**
 * Checks one site's archive: every row parses, has its text file with the recorded sha256, every
 * text file has a row, no id twice, no leftover temp files, every WARC file reads to its end. With
 * repair on, fixes what needs no guessing: cuts a torn last row or WARC tail, removes temp files,
 * keeps the first of duplicate rows, re-indexes orphan text files that a WARC capture names.
 * Streams the CSV and the files: the heap holds a few bytes a row (hashes) and the findings, never
 * the rows. Holds the site's lock while it works.
 */
public final class ArchiveVerifier {
  private static final Pattern TEXT_FILE = Pattern.compile("\\d{4}/\\d{2}/[^/]+\\.txt");

  /** One problem found, or one repair done; {@code path} is relative to the archive root. */
  public record Finding(String kind, String path, String detail, boolean repaired) {
    public String line() {
      return (repaired ? "repaired " : "problem ") + kind + " " + path + ": " + detail;
    }
  }

  private final Path root;
  private final boolean repair;
  private final List<Finding> findings = new ArrayList<>();
  private String site = "";
  private Path dir = Path.of("");

  public ArchiveVerifier(Path root, boolean repair) {
    this.root = root;
    this.repair = repair;
  }

  /** Checks (and with repair on, fixes) one site; a problem repaired is followed by its repair. */
  public List<Finding> verify(String siteName) throws IOException {
    findings.clear();
    site = siteName;
    dir = SafePaths.siteDir(root, siteName);
    try (ArchiveLock lock = ArchiveLock.acquire(dir)) {
      LongHashSet present = tempFilesAndTextNames();
      LongHashSet named = new LongHashSet();
      rows(named);
      warcs();
      if (!named.containsAll(present)) orphans(named); // a second walk only when some file is unnamed
    }
    return List.copyOf(findings);
  }

  /** Whether every problem found was repaired (each repair answers one problem). */
  public static boolean clean(List<Finding> findings) {
    long problems = findings.stream().filter(f -> !f.repaired()).count();
    long repaired = findings.stream().filter(Finding::repaired).count();
    return problems == repaired;
  }

  private void problem(String kind, Path path, String detail) {
    findings.add(finding(kind, path, detail));
  }

  private Finding finding(String kind, Path path, String detail) {
    return new Finding(kind, rel(path), detail, false);
  }

  private void repaired(String kind, Path path, String detail) {
    findings.add(new Finding(kind, rel(path), detail, true));
  }

  private String rel(Path p) {
    return site + "/" + dir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /**
   * Reports (and with repair removes) the temp files of interrupted writes, in one walk of the site
   * that also gathers the 64-bit hashes of the text files' names, so that a clean archive needs no
   * second walk to look for orphans.
   */
  private LongHashSet tempFilesAndTextNames() throws IOException {
    LongHashSet texts = new LongHashSet();
    List<Path> temps = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir)) {
      all.filter(Files::isRegularFile).map(f -> f.toAbsolutePath().normalize()).forEach(f -> {
        if (f.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)) {
          temps.add(f);
        } else {
          String relative = dir.relativize(f).toString().replace('\\', '/');
          if (TEXT_FILE.matcher(relative).matches()) texts.add(LongHashSet.hash(relative));
        }
      });
    }
    Collections.sort(temps);
    for (Path p : temps) {
      problem("temp-file", p, "leftover of an interrupted write");
      if (repair) {
        Files.delete(p);
        repaired("temp-file", p, "removed");
      }
    }
    return texts;
  }

  /**
   * Checks the rows as they stream by, holding a fixed few bytes a row: the 64-bit hashes of the
   * ids and of the text files named. An id whose hash was seen before is only a suspect (two ids
   * may share a hash); a second pass over the rows, only when there are suspects, keeps the
   * suspects' ids whole to tell duplicates from collisions. Text files are checked in the first
   * pass, a suspect's in the second; their findings come after the duplicates, in row order.
   */
  private void rows(LongHashSet named) throws IOException {
    ArticlesCsv csv = new ArticlesCsv(dir.resolve("articles.csv"));
    Path file = csv.file();
    if (!Files.exists(file)) {
      problem("missing-csv", file, "no articles.csv");
      return;
    }
    long whole = ArticlesCsv.wholeLinesLength(file);
    long torn = Files.size(file) - whole;
    if (torn > 0) {
      problem("torn-row", file, "the last " + torn + " bytes are a row without its line end");
      if (repair) {
        ArticlesCsv.cutTornTail(file);
        repaired("torn-row", file, "cut the last " + torn + " bytes");
      }
    }
    LongHashSet ids = new LongHashSet();
    LongHashSet suspects = new LongHashSet();
    List<String> bad = new ArrayList<>();
    List<TextFinding> texts = new ArrayList<>();
    int[] number = {0};
    stream(csv, whole, row -> {
      int n = ++number[0];
      long h = LongHashSet.hash(row.id());
      if (ids.add(h)) textFile(row, n, named, texts);
      else suspects.add(h);
    }, bad::add);
    for (String b : bad) problem("bad-row", file, b.startsWith(file + ": ") ? b.substring(file.toString().length() + 2) : b);
    TreeMap<Integer, Duplicate> duplicates = new TreeMap<>(); // by row number
    if (suspects.size() > 0) {
      Map<String, Integer> firstRow = new HashMap<>();
      LongHashSet seen = new LongHashSet();
      number[0] = 0;
      stream(csv, whole, row -> {
        int n = ++number[0];
        long h = LongHashSet.hash(row.id());
        if (!suspects.contains(h)) return;
        boolean firstOfHash = seen.add(h);
        Integer first = firstRow.putIfAbsent(row.id(), n);
        if (first != null) duplicates.put(n, new Duplicate(row.id(), first));
        else if (!firstOfHash) textFile(row, n, named, texts); // a collision, not a duplicate: pass 1 skipped it
      }, b -> {});
    }
    for (Map.Entry<Integer, Duplicate> d : duplicates.entrySet()) {
      problem("duplicate-id", file, "row " + d.getKey() + " repeats id " + d.getValue().id() + " of row "
          + d.getValue().firstRow());
    }
    if (!duplicates.isEmpty() && repair && bad.isEmpty()) {
      withoutRows(csv, duplicates.keySet());
      for (Map.Entry<Integer, Duplicate> d : duplicates.entrySet()) {
        repaired("duplicate-id", file, "removed row " + d.getKey() + ", kept row " + d.getValue().firstRow());
      }
    }
    texts.sort(Comparator.comparingInt(TextFinding::row));
    for (TextFinding t : texts) findings.add(t.finding());
  }

  /** A row whose id an earlier row has. */
  private record Duplicate(String id, int firstRow) {}

  /** A text file's finding and the row it is of, so findings of both passes come out in row order. */
  private record TextFinding(int row, Finding finding) {}

  /** Streams the rows of the first {@code whole} bytes of the CSV (a torn tail is left out). */
  private static void stream(ArticlesCsv csv, long whole, Consumer<ArchiveRow> rows, Consumer<String> bad)
      throws IOException {
    try (InputStream in = Files.newInputStream(csv.file());
        Reader r = new BufferedReader(new InputStreamReader(new LimitedInputStream(in, whole), StandardCharsets.UTF_8),
            1 << 16)) {
      csv.forEach(r, rows, bad);
    }
  }

  /** Rewrites the CSV, streaming, without the rows of these numbers (counted from 1, parsed rows only). */
  private static void withoutRows(ArticlesCsv csv, Set<Integer> drop) throws IOException {
    List<String> bad = new ArrayList<>();
    AtomicFiles.write(csv.file(), out -> {
      CSVPrinter p = new CSVPrinter(out, ArticlesCsv.FORMAT); // not closed: AtomicFiles syncs and closes the file
      p.printRecord(ArchiveRow.COLUMNS);
      int[] number = {0};
      csv.forEach(row -> {
        if (drop.contains(++number[0])) return;
        try {
          p.printRecord(row.cells());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, bad::add);
      p.flush();
      if (!bad.isEmpty()) throw new IOException(bad.get(0));
    });
  }

  private void textFile(ArchiveRow row, int n, LongHashSet named, List<TextFinding> out) {
    Path text;
    try {
      text = SafePaths.inside(dir, row.textFile());
    } catch (IllegalArgumentException e) {
      out.add(new TextFinding(n, finding("bad-row", dir.resolve("articles.csv"), "id " + row.id() + ": " + e.getMessage())));
      return;
    }
    named.add(LongHashSet.hash(row.textFile()));
    if (!Files.isRegularFile(text)) {
      out.add(new TextFinding(n, finding("missing-text", text, "row " + row.id() + " has no text file")));
      return;
    }
    String sha;
    try {
      sha = ArticleId.sha256Hex(Files.readAllBytes(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // ArticlesCsv.forEach throws it as the IOException it is
    }
    if (!sha.equals(row.sha256())) {
      out.add(new TextFinding(n, finding("wrong-hash", text, "sha256 is " + sha + ", row " + row.id() + " records "
          + row.sha256())));
    }
  }

  private void warcs() throws IOException {
    for (Path warc : WarcFiles.list(dir)) {
      WarcFiles.Scan scan = WarcFiles.scan(warc, (rec, block) -> {});
      if (scan.complete()) continue;
      long torn = scan.size() - scan.wholeBytes();
      problem("truncated-warc", warc, scan.records() + " whole records, then " + torn + " bytes that do not read");
      if (repair) {
        try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.WRITE)) {
          ch.truncate(scan.wholeBytes());
          ch.force(true);
        }
        repaired("truncated-warc", warc, "cut the " + torn + " bytes after record " + scan.records());
      }
    }
  }

  /**
   * Text files no row names, by walking the files and asking the hashes of the names the rows gave:
   * only the orphans are held. An orphan whose name shares a 64-bit hash with a named one would
   * pass unreported: a chance of about one in 10^13 per orphan at a million rows.
   */
  private void orphans(LongHashSet named) throws IOException {
    Map<String, Path> orphans = new LinkedHashMap<>();
    for (Path p : files(f -> {
      String relative = dir.relativize(f).toString().replace('\\', '/');
      return TEXT_FILE.matcher(relative).matches() && !named.contains(LongHashSet.hash(relative));
    })) {
      problem("orphan-text", p, "no row names this text file");
      String id = p.getFileName().toString().replaceFirst("\\.txt$", "");
      if (ArticleId.isValid(id)) orphans.put(id, p);
    }
    if (repair && !orphans.isEmpty()) new OrphanIndexer(dir, site).index(orphans, this::repaired);
  }

  private List<Path> files(java.util.function.Predicate<Path> which) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).filter(which).sorted().toList();
    }
  }
}
