package org.newsarchiver.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP validators (ETag, Last-Modified) of the listing pages, feeds and sitemaps of one site,
 * kept in {@code <site>/state/validators.tsv} ({@code url TAB etag TAB last-modified}, one line
 * each, empty for none) so the next run can ask with If-None-Match / If-Modified-Since. Rewritten
 * atomically by {@link #save}. Not thread-safe.
 */
public final class ValidatorStore {
  /** The validators of one URL; either may be null. */
  public record Validators(@Nullable String etag, @Nullable String lastModified) {}

  private final Path file;
  private final Map<String, Validators> byUrl = new TreeMap<>();
  private boolean dirty;

  private ValidatorStore(Path file) {
    this.file = file;
  }

  /** Loads the site's validators (none when the file does not exist). */
  public static ValidatorStore load(Path siteDir) throws IOException {
    ValidatorStore s = new ValidatorStore(siteDir.resolve("state").resolve("validators.tsv"));
    if (Files.isRegularFile(s.file)) {
      for (String line : Files.readAllLines(s.file, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", -1);
        if (f.length != 3 || f[0].isEmpty()) continue;
        s.byUrl.put(f[0], new Validators(f[1].isEmpty() ? null : f[1], f[2].isEmpty() ? null : f[2]));
      }
    }
    return s;
  }

  public @Nullable Validators get(String url) {
    return byUrl.get(url);
  }

  /** Remembers the validators of a fresh response; a response with neither forgets the URL. */
  public void put(String url, @Nullable String etag, @Nullable String lastModified) {
    Validators v = etag == null && lastModified == null ? null : new Validators(clean(etag), clean(lastModified));
    Validators old = v == null ? byUrl.remove(url) : byUrl.put(url, v);
    if (!java.util.Objects.equals(old, v)) dirty = true;
  }

  /** Writes the file atomically when anything changed. */
  public void save() throws IOException {
    if (!dirty) return;
    StringBuilder sb = new StringBuilder();
    byUrl.forEach((url, v) -> sb.append(url).append('\t').append(nz(v.etag())).append('\t')
        .append(nz(v.lastModified())).append('\n'));
    AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    dirty = false;
  }

  private static @Nullable String clean(@Nullable String s) {
    return s == null ? null : s.replaceAll("[\\t\\r\\n]", " ").strip();
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }
}
