package org.newsarchiver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;

/**
 * Loads the pages a benchmark runs over, decoded once, with the site config that applies to each
 * (null where no config covers the page's host). Not for measuring: it reads files.
 */
final class BenchPages {
  /** One decoded page and the config for its host, if any. */
  record Entry(HtmlPage page, @Nullable SiteConfig site) {}

  private static final Instant FETCHED = Instant.parse("2024-01-01T00:00:00Z");

  private BenchPages() {}

  /**
   * The development corpus: {@code dir} holds {@code <id>.html}, and {@code dir/../expected.jsonl}
   * gives each id its URL.
   */
  static List<Entry> corpus(Path dir, Path sitesDir) throws IOException {
    requireDir(dir, "corpus pages (-p corpus=DIR)");
    Path expected = dir.resolveSibling("expected.jsonl");
    if (!Files.isRegularFile(expected)) {
      throw new IllegalArgumentException(expected.toAbsolutePath() + ": missing; the corpus needs its expected.jsonl beside pages/");
    }
    SiteConfigLoader.Loaded sites = new SiteConfigLoader().loadAll(requireDir(sitesDir, "site configs (-p sites=DIR)"));
    ObjectMapper json = new ObjectMapper();
    List<Entry> out = new ArrayList<>();
    for (String line : Files.readAllLines(expected)) {
      if (line.isBlank()) continue;
      JsonNode record = json.readTree(line);
      Path file = dir.resolve(record.get("id").asText() + ".html");
      if (!Files.isRegularFile(file)) continue;
      URI url = URI.create(record.get("url").asText());
      out.add(new Entry(page(file, url), sites.forHost(url.getHost()).orElse(null)));
    }
    if (out.isEmpty()) throw new IllegalArgumentException(dir.toAbsolutePath() + ": no pages listed in expected.jsonl");
    return out;
  }

  /**
   * The site fixtures: {@code dir/<site>/article-1.html} with {@code article-1.expected.json}
   * (for the URL) and {@code sitesDir/<site>.yaml}.
   */
  static List<Entry> fixtures(Path dir, Path sitesDir) throws IOException {
    requireDir(dir, "site fixtures (-p fixtures=DIR)");
    SiteConfigLoader.Loaded sites = new SiteConfigLoader().loadAll(requireDir(sitesDir, "site configs (-p sites=DIR)"));
    ObjectMapper json = new ObjectMapper();
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> folders = Files.list(dir)) {
      for (Path folder : folders.sorted().toList()) {
        Path html = folder.resolve("article-1.html");
        Path expected = folder.resolve("article-1.expected.json");
        var site = sites.byName(folder.getFileName().toString());
        if (!Files.isRegularFile(html) || !Files.isRegularFile(expected) || site.isEmpty()) continue;
        URI url = URI.create(json.readTree(expected.toFile()).get("url").asText());
        out.add(new Entry(page(html, url), site.get()));
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException(dir.toAbsolutePath() + ": no <site>/article-1.html with a config");
    return out;
  }

  private static HtmlPage page(Path file, URI url) {
    try {
      return new HtmlPage(url, HtmlDecoder.decode(Files.readAllBytes(file), null), FETCHED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path requireDir(Path dir, String what) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          dir.toAbsolutePath() + ": " + what + " not found; run from the project directory or pass the path");
    }
    return dir;
  }
}
