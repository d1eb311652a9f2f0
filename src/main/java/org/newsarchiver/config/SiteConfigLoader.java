package org.newsarchiver.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/** Reads and validates {@code sites/*.yaml}; every message names the file and the field. */
public final class SiteConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The result of loading a folder: the usable sites and one error per refused file. */
  public record Loaded(List<SiteConfig> sites, List<ConfigException> errors) {

    public java.util.Optional<SiteConfig> byName(String name) {
      return sites.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The site that owns a host, if any config does. */
    public java.util.Optional<SiteConfig> forHost(@Nullable String host) {
      return sites.stream().filter(s -> s.ownsHost(host)).findFirst();
    }

    /** The error of the file that would have defined {@code name}, matched by file name. */
    public java.util.Optional<ConfigException> errorFor(String name) {
      return errors.stream()
          .filter(e -> {
            String f = Path.of(e.file()).getFileName().toString();
            return f.equals(name + ".yaml") || f.equals(name + ".yml");
          })
          .findFirst();
    }
  }

  /** Loads every {@code *.yaml} / {@code *.yml} file of a folder, sorted by file name. */
  public Loaded loadAll(Path dir) throws IOException {
    List<SiteConfig> sites = new ArrayList<>();
    List<ConfigException> errors = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": no such folder; create it or pass --sites DIR");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      try {
        SiteConfig site = load(file);
        if (!names.add(site.name())) {
          throw new ConfigException(
              file.toString(), "name: '" + site.name() + "' is already used by another file");
        }
        sites.add(site);
      } catch (ConfigException e) {
        errors.add(e);
      }
    }
    return new Loaded(List.copyOf(sites), List.copyOf(errors));
  }

  public SiteConfig load(Path file) throws ConfigException {
    String where = file.toString();
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new ConfigException(where, "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(where, "cannot read: " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(where, "file is empty; see sites/ for examples");
    }
    return read(new ConfigNode(where, "", root), where);
  }

  private SiteConfig read(ConfigNode top, String where) throws ConfigException {
    String name = top.requiredText("name", "my-site");
    URI base = httpUrl(top, "base_url", top.requiredText("base_url", "https://example.org/"));
    List<String> hosts = new ArrayList<>();
    hosts.add(base.getHost());
    for (String h : top.textList("hosts")) hosts.add(h);
    List<URI> starts = urls(top, "start_pages", base);
    if (starts.isEmpty()) starts = List.of(base);
    List<URI> feeds = urls(top, "feeds", base);
    List<URI> sitemaps = urls(top, "sitemaps", base);
    Pattern article =
        regex(top, "article_pattern", top.requiredText("article_pattern", "'/news/\\d+'"));
    String excludeText = top.optionalText("exclude_pattern");
    Pattern exclude = excludeText == null ? null : regex(top, "exclude_pattern", excludeText);
    List<FieldSelector> nextPage = selectors(top, "next_page");
    int maxPages = top.integer("max_pages", Limits.MAX_PAGES, 1, 10_000);
    int maxArticles = top.integer("max_articles", Limits.MAX_ARTICLES_PER_RUN, 1, 1_000_000);
    Selectors selectors = readSelectors(top.child("selectors"));
    DateSettings dates = readDates(top.child("dates"));
    String countText = top.optionalText("read_count_pattern");
    Pattern count = countText == null ? null : regex(top, "read_count_pattern", countText);
    RequestSettings request = readRequest(top.child("request"));
    String schedule = top.optionalText("schedule");
    if (schedule == null) schedule = Limits.DEFAULT_SCHEDULE;
    else if (!org.quartz.CronExpression.isValidExpression(schedule)) {
      throw top.error(
          "schedule",
          "'" + schedule + "' is not a Quartz cron expression; write e.g. '0 0/30 * * * ?'");
    }
    SiteConfig.Revisit revisit = readRevisit(top.child("revisit"));
    double drift = fraction(top, "drift_threshold", Limits.DRIFT_THRESHOLD);
    top.rejectUnknown();
    try {
      return new SiteConfig(
          name, base, hosts, starts, feeds, sitemaps, article, exclude, nextPage, maxPages,
          maxArticles, selectors, dates, count, request, schedule, revisit, drift);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where, e.getMessage());
    }
  }

  private Selectors readSelectors(@Nullable ConfigNode node) throws ConfigException {
    if (node == null) return Selectors.NONE;
    Selectors s =
        new Selectors(
            selectors(node, "title"),
            selectors(node, "date"),
            selectors(node, "body"),
            selectors(node, "read_count"),
            selectors(node, "author"),
            selectors(node, "source"),
            plainSelectors(node, "drop"));
    node.rejectUnknown();
    return s;
  }

  private DateSettings readDates(@Nullable ConfigNode node) throws ConfigException {
    if (node == null) return DateSettings.DEFAULT;
    Locale locale = Locale.ENGLISH;
    String tag = node.optionalText("locale");
    if (tag != null) {
      try {
        locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
      } catch (IllformedLocaleException e) {
        throw node.error(node.field("locale"), "'" + tag + "' is not a language tag; write e.g. en or ru-RU");
      }
    }
    List<String> formats = node.textList("formats");
    for (int i = 0; i < formats.size(); i++) {
      try {
        DateTimeFormatter.ofPattern(formats.get(i), locale);
      } catch (IllegalArgumentException e) {
        throw node.error(
            node.field("formats") + "[" + i + "]",
            "'" + formats.get(i) + "' is not a date pattern (" + e.getMessage()
                + "); write e.g. 'd MMMM yyyy' or 'dd.MM.yyyy HH:mm'");
      }
    }
    ZoneId zone = null;
    String zoneText = node.optionalText("time_zone");
    if (zoneText != null) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException e) {
        throw node.error(
            node.field("time_zone"), "'" + zoneText + "' is not a time zone; write e.g. Europe/Paris or UTC");
      }
    }
    node.rejectUnknown();
    return new DateSettings(formats, locale, zone);
  }

  private SiteConfig.Revisit readRevisit(@Nullable ConfigNode node) throws ConfigException {
    SiteConfig.Revisit d = SiteConfig.Revisit.DEFAULT;
    if (node == null) return d;
    SiteConfig.Revisit r;
    try {
      r = new SiteConfig.Revisit(duration(node, "max_age", d.maxAge()), duration(node, "interval", d.interval()));
    } catch (IllegalArgumentException e) {
      throw node.error(node.field(e.getMessage().split(":", 2)[0]), e.getMessage().split(": ", 2)[1]);
    }
    node.rejectUnknown();
    return r;
  }

  private RequestSettings readRequest(@Nullable ConfigNode node) throws ConfigException {
    RequestSettings d = RequestSettings.DEFAULT;
    if (node == null) return d;
    String contact = node.optionalText("contact_url");
    RequestSettings r;
    try {
      r =
          new RequestSettings(
              node.optionalText("user_agent"),
              contact == null ? null : httpUrl(node, "contact_url", contact),
              duration(node, "delay", d.delay()),
              duration(node, "connect_timeout", d.connectTimeout()),
              duration(node, "read_timeout", d.readTimeout()),
              duration(node, "call_timeout", d.callTimeout()),
              node.integer("max_redirects", d.maxRedirects(), 0, 20),
              size(node, "max_body_size", d.maxBodyBytes()),
              node.integer("retries", d.maxRetries(), 0, 10));
    } catch (IllegalArgumentException e) {
      throw node.error(node.field(e.getMessage().split(":", 2)[0]), e.getMessage().split(": ", 2)[1]);
    }
    node.rejectUnknown();
    return r;
  }

  private static List<FieldSelector> selectors(ConfigNode node, String name) throws ConfigException {
    List<FieldSelector> out = new ArrayList<>();
    List<String> texts = node.textList(name);
    for (int i = 0; i < texts.size(); i++) {
      String field = node.field(name) + "[" + i + "]";
      FieldSelector fs;
      try {
        fs = FieldSelector.parse(texts.get(i));
      } catch (IllegalArgumentException e) {
        throw node.error(field, e.getMessage());
      }
      checkCss(node, field, fs.css());
      out.add(fs);
    }
    return out;
  }

  private static List<String> plainSelectors(ConfigNode node, String name) throws ConfigException {
    List<String> texts = node.textList(name);
    for (int i = 0; i < texts.size(); i++) {
      checkCss(node, node.field(name) + "[" + i + "]", texts.get(i));
    }
    return texts;
  }

  private static void checkCss(ConfigNode node, String field, String css) throws ConfigException {
    try {
      QueryParser.parse(css);
    } catch (Selector.SelectorParseException | IllegalArgumentException e) {
      throw node.error(field, "'" + css + "' is not a CSS selector (" + e.getMessage() + ")");
    }
  }

  private static Pattern regex(ConfigNode node, String name, String text) throws ConfigException {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw node.error(
          node.field(name),
          "'" + text + "' is not a regular expression: " + e.getDescription() + " near index "
              + e.getIndex());
    }
  }

  private static List<URI> urls(ConfigNode node, String name, URI base) throws ConfigException {
    List<URI> out = new ArrayList<>();
    List<String> texts = node.textList(name);
    for (int i = 0; i < texts.size(); i++) {
      out.add(httpUrl(node, name + "[" + i + "]", texts.get(i), base));
    }
    return out;
  }

  private static URI httpUrl(ConfigNode node, String name, String text) throws ConfigException {
    return httpUrl(node, name, text, null);
  }

  private static URI httpUrl(ConfigNode node, String name, String text, @Nullable URI base)
      throws ConfigException {
    try {
      URI uri = new URI(text);
      if (base != null) uri = base.resolve(uri);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw node.error(
            node.field(name), "'" + text + "' is not an http(s) URL; write e.g. https://example.org/news/");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw node.error(node.field(name), "'" + text + "' is not a URL: " + e.getReason());
    }
  }

  private static double fraction(ConfigNode node, String name, double dflt) throws ConfigException {
    String text = node.optionalText(name);
    if (text == null) return dflt;
    try {
      double v = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1).strip()) / 100
          : Double.parseDouble(text);
      if (v < 0 || v > 1) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw node.error(node.field(name), "'" + text + "' is not a share from 0 to 1; write e.g. 0.2 or 20%");
    }
  }

  private static Duration duration(ConfigNode node, String name, Duration dflt) throws ConfigException {
    String text = node.optionalText(name);
    if (text == null) return dflt;
    try {
      return Quantities.duration(text);
    } catch (IllegalArgumentException e) {
      throw node.error(node.field(name), e.getMessage());
    }
  }

  private static long size(ConfigNode node, String name, long dflt) throws ConfigException {
    String text = node.optionalText(name);
    if (text == null) return dflt;
    try {
      return Quantities.bytes(text);
    } catch (IllegalArgumentException e) {
      throw node.error(node.field(name), e.getMessage());
    }
  }
}
