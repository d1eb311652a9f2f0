package org.newsarchiver.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks one site's archive: every row parses, has its text file with the recorded sha256, every
 * text file has a row, no id twice, no leftover temp files, every WARC file reads to its end. With
 * repair on, fixes what needs no guessing: cuts a torn last row or WARC tail, removes temp files,
 * keeps the first of duplicate rows, re-indexes orphan text files that a WARC capture names.
 * Holds the site's lock while it works.
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
      tempFiles();
      List<ArchiveRow> rows = rows();
      Map<String, ArchiveRow> byFile = new HashMap<>();
      for (ArchiveRow row : rows) textFile(row, byFile);
      warcs();
      orphans(byFile);
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
    findings.add(new Finding(kind, rel(path), detail, false));
  }

  private void repaired(String kind, Path path, String detail) {
    findings.add(new Finding(kind, rel(path), detail, true));
  }

  private String rel(Path p) {
    return site + "/" + dir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private void tempFiles() throws IOException {
    for (Path p : files(f -> f.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX))) {
      problem("temp-file", p, "leftover of an interrupted write");
      if (repair) {
        Files.delete(p);
        repaired("temp-file", p, "removed");
      }
    }
  }

  private List<ArchiveRow> rows() throws IOException {
    ArticlesCsv csv = new ArticlesCsv(dir.resolve("articles.csv"));
    Path file = csv.file();
    if (!Files.exists(file)) {
      problem("missing-csv", file, "no articles.csv");
      return List.of();
    }
    long whole = wholeLines(file);
    long torn = Files.size(file) - whole;
    if (torn > 0) {
      problem("torn-row", file, "the last " + torn + " bytes are a row without its line end");
      if (repair) {
        ArticlesCsv.cutTornTail(file);
        repaired("torn-row", file, "cut the last " + torn + " bytes");
      }
    }
    List<ArchiveRow> all = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        Reader r = new InputStreamReader(new LimitedInputStream(in, whole), StandardCharsets.UTF_8)) {
      csv.forEach(r, all::add, bad::add);
    }
    for (String b : bad) problem("bad-row", file, b.startsWith(file + ": ") ? b.substring(file.toString().length() + 2) : b);
    LinkedHashMap<String, Integer> firstRow = new LinkedHashMap<>();
    List<ArchiveRow> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Integer first = firstRow.putIfAbsent(all.get(i).id(), i + 1);
      if (first == null) kept.add(all.get(i));
      else problem("duplicate-id", file, "row " + (i + 1) + " repeats id " + all.get(i).id() + " of row " + first);
    }
    if (kept.size() < all.size() && repair && bad.isEmpty()) {
      csv.rewrite(kept);
      for (int i = 0; i < all.size(); i++) {
        if (firstRow.get(all.get(i).id()) != i + 1) {
          repaired("duplicate-id", file, "removed row " + (i + 1) + ", kept row " + firstRow.get(all.get(i).id()));
        }
      }
    }
    return kept;
  }

  private static long wholeLines(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long keep = ch.size();
      java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
      while (keep > 0) {
        one.clear();
        ch.read(one, keep - 1);
        if (one.get(0) == '\n') break;
        keep--;
      }
      return keep;
    }
  }

  private void textFile(ArchiveRow row, Map<String, ArchiveRow> byFile) throws IOException {
    Path text;
    try {
      text = SafePaths.inside(dir, row.textFile());
    } catch (IllegalArgumentException e) {
      problem("bad-row", dir.resolve("articles.csv"), "id " + row.id() + ": " + e.getMessage());
      return;
    }
    byFile.put(row.textFile(), row);
    if (!Files.isRegularFile(text)) {
      problem("missing-text", text, "row " + row.id() + " has no text file");
      return;
    }
    String sha = ArticleId.sha256Hex(Files.readAllBytes(text));
    if (!sha.equals(row.sha256())) {
      problem("wrong-hash", text, "sha256 is " + sha + ", row " + row.id() + " records " + row.sha256());
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

  private void orphans(Map<String, ArchiveRow> byFile) throws IOException {
    Map<String, Path> orphans = new LinkedHashMap<>();
    for (Path p : files(f -> TEXT_FILE.matcher(dir.relativize(f).toString().replace('\\', '/')).matches())) {
      String relative = dir.relativize(p).toString().replace('\\', '/');
      if (byFile.containsKey(relative)) continue;
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
