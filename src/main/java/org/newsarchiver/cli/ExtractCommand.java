package org.newsarchiver.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArticleText;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.extract.Article;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;
import org.newsarchiver.fetch.MediaSniffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Offline extraction of saved pages to stdout, one page or a batch. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract saved HTML page(s) offline and print the fields to stdout.",
      "json: one object {url, title, published, readCount, text, ...}.",
      "jsonl: one such line per file, with 'file' first, or {file, error}",
      "for a file that cannot be read or is no HTML page.",
      "text: the archive's .txt form."
    })
final class ExtractCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Format { json, jsonl, text }

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Saved HTML page(s).")
  List<Path> files;

  @Option(names = "--url", paramLabel = "URL", description = "The page's original URL (base for links, host for the site config).")
  String url;

  @Option(names = "--urls", paramLabel = "MAP.tsv", description = "Lines of FILE<TAB>URL giving each file's original URL.")
  Path urlMap;

  @Option(names = "--format", description = "json, jsonl or text (default: ${DEFAULT-VALUE}).", defaultValue = "json")
  Format format;

  @Option(names = "--site", paramLabel = "NAME", description = "Use this site config; default: the config owning the URL's host, if any.")
  String siteName;

  @Option(names = "--generic", description = "Ignore site configs: metadata and structure only.")
  boolean generic;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> urls = urlMap == null ? Map.of() : readUrlMap(urlMap);
    SiteConfigLoader.Loaded sites = loadSites();
    if (siteName != null && (sites == null || sites.byName(siteName).isEmpty())) {
      err.println("error config " + common.sites.resolve(siteName + ".yaml") + ": no such site config; run 'news-archiver sites'");
      return ExitCodes.USAGE;
    }
    ArticleExtractor extractor = new ArticleExtractor();
    boolean lines = format == Format.jsonl || (format == Format.json && files.size() > 1);
    int code = ExitCodes.OK;
    for (Path file : files) {
      String given = urls.getOrDefault(file.toString(), url);
      try {
        URI pageUrl = given == null ? file.toAbsolutePath().toUri() : new URI(given.strip());
        byte[] bytes = readPage(file);
        String type = MediaSniffer.ofFile(bytes);
        if (!type.equals("text/html") && !type.equals("text/plain") && !type.endsWith("xml")) {
          throw new NotAPage("not an HTML page: its first bytes say " + type + "; extract reads saved HTML pages");
        }
        Instant fetchedAt = Files.getLastModifiedTime(file).toInstant();
        SiteConfig site = generic || sites == null ? null
            : siteName != null ? sites.byName(siteName).orElse(null)
            : given == null ? null : sites.forHost(pageUrl.getHost()).orElse(null);
        Article a = extractor.extract(new HtmlPage(pageUrl, HtmlDecoder.decode(bytes, null), fetchedAt), site);
        if (format == Format.text) {
          out.print(new ArticleText(a.title(), a.paragraphs()).render());
        } else {
          ObjectNode o = JSON.createObjectNode();
          if (lines) o.put("file", file.toString());
          fill(o, a, given);
          out.println(JSON.writeValueAsString(o));
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        code = ExitCodes.PAGES_FAILED;
        String cause = e instanceof URISyntaxException ? "bad URL " + given
            : e instanceof NotAPage ? e.getMessage()
            : e instanceof IOException io ? "cannot read: " + unreadable(io)
            : e.toString();
        if (lines) {
          ObjectNode o = JSON.createObjectNode();
          o.put("file", file.toString());
          o.put("error", cause);
          out.println(JSON.writeValueAsString(o));
        }
        err.println("error extract " + file + ": " + cause);
      }
      out.flush();
    }
    err.flush();
    return code;
  }

  /** Larger than any page the crawler keeps, many times over: a file this size is no saved page. */
  private static final long MAX_PAGE_FILE = 64L << 20;

  /** A file that was read but holds no HTML page. */
  private static final class NotAPage extends IOException {
    NotAPage(String message) {
      super(message);
    }
  }

  private static byte[] readPage(Path file) throws IOException {
    if (Files.isDirectory(file)) throw new NotAPage("cannot read: it is a directory; name the page files in it");
    long size = Files.size(file);
    if (size > MAX_PAGE_FILE) {
      throw new NotAPage("not an HTML page: " + size + " bytes, over the " + (MAX_PAGE_FILE >> 20) + " MiB a saved page may have");
    }
    return Files.readAllBytes(file);
  }

  /** Why a file could not be read, in words rather than an exception's name. */
  private static String unreadable(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) return "no such file; check the path";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void fill(ObjectNode o, Article a, @Nullable String url) {
    o.put("url", url);
    o.put("title", a.title());
    o.put("published", a.published() == null ? null : a.published().iso());
    if (a.readCount() == null) o.putNull("readCount");
    else o.put("readCount", a.readCount());
    o.put("text", a.bodyText());
    o.put("dateSource", a.dateSource() == null ? null : a.dateSource().label());
    var authors = o.putArray("authors");
    a.authors().forEach(authors::add);
    o.put("language", a.language());
    o.put("source", a.source());
    o.put("status", a.status().label());
    o.put("canonicalUrl", a.canonicalUrl() == null ? null : a.canonicalUrl().toString());
  }

  private SiteConfigLoader.@Nullable Loaded loadSites() throws IOException {
    if (generic || !Files.isDirectory(common.sites)) return null;
    return new SiteConfigLoader().loadAll(common.sites);
  }

  private static Map<String, String> readUrlMap(Path map) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(map, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) out.put(line.substring(0, tab), line.substring(tab + 1).strip());
    }
    return out;
  }
}
