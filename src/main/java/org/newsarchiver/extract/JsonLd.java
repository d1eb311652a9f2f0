package org.newsarchiver.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects of a page's {@code <script type="application/ld+json">} blocks, flattened
 * out of arrays and {@code @graph}. Read leniently: real pages put raw newlines and comments in it.
 */
public final class JsonLd {
  private static final ObjectMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
          .build();

  /** schema.org types that describe the article itself. */
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
          "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
          "socialmediaposting", "liveblogposting", "techarticle", "scholarlyarticle", "report",
          "medicalscholarlyarticle", "satiricalarticle", "advertisercontentarticle",
          "askpublicnewsarticle", "posting", "webpage", "videoobject", "creativework");

  private static final int MAX_OBJECTS = 200;

  private final List<JsonNode> objects;

  private JsonLd(List<JsonNode> objects) {
    this.objects = objects;
  }

  public static final JsonLd EMPTY = new JsonLd(List.of());

  public static JsonLd read(Document doc) {
    List<JsonNode> found = new ArrayList<>();
    for (Element script : PageIndex.of(doc).ldScripts) {
      String json = unwrapCdata(script.data().strip());
      if (json.isEmpty()) continue;
      try {
        collect(LENIENT.readTree(json), found);
      } catch (Exception e) {
        // a broken block is common and says nothing about the others
      }
    }
    return found.isEmpty() ? EMPTY : new JsonLd(List.copyOf(found));
  }

  /** XHTML habit, kept by some saving tools: {@code <![CDATA[ {...} ]]>} around the JSON. */
  private static String unwrapCdata(String json) {
    if (!json.startsWith("<![CDATA[")) return json;
    String inner = json.substring("<![CDATA[".length());
    int end = inner.lastIndexOf("]]>");
    return (end >= 0 ? inner.substring(0, end) : inner).strip();
  }

  private static void collect(@Nullable JsonNode node, List<JsonNode> out) {
    if (node == null || out.size() >= MAX_OBJECTS) return;
    if (node.isArray()) {
      for (JsonNode n : node) collect(n, out);
    } else if (node.isObject()) {
      out.add(node);
      JsonNode graph = node.get("@graph");
      if (graph != null) collect(graph, out);
    }
  }

  /** Every object, in page order. */
  public List<JsonNode> all() {
    return objects;
  }

  /**
   * The objects that describe the page's article, most specific first: news and blog article types
   * before {@code WebPage} and {@code CreativeWork}.
   */
  public List<JsonNode> articles() {
    List<JsonNode> strong = new ArrayList<>();
    List<JsonNode> weak = new ArrayList<>();
    for (JsonNode o : objects) {
      for (String type : types(o)) {
        if (ARTICLE_TYPES.contains(type)) {
          if (type.equals("webpage") || type.equals("creativework") || type.equals("videoobject")) {
            weak.add(o);
          } else {
            strong.add(o);
          }
          break;
        }
      }
    }
    strong.addAll(weak);
    return strong;
  }

  /** The lower-cased {@code @type} values of an object. */
  public static List<String> types(JsonNode o) {
    JsonNode t = o.get("@type");
    List<String> out = new ArrayList<>();
    if (t == null) return out;
    if (t.isArray()) {
      for (JsonNode n : t) out.add(n.asText().toLowerCase(Locale.ROOT));
    } else {
      out.add(t.asText().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** A text value of the first article object that has it, or null. */
  public @Nullable String articleText(String field) {
    for (JsonNode o : articles()) {
      String v = text(o.get(field));
      if (v != null) return v;
    }
    return null;
  }

  /** The text of a value, the first of an array, or the {@code name} / {@code @value} of an object. */
  public static @Nullable String text(@Nullable JsonNode v) {
    if (v == null || v.isNull()) return null;
    if (v.isArray()) return v.isEmpty() ? null : text(v.get(0));
    if (v.isObject()) {
      JsonNode inner = v.has("@value") ? v.get("@value") : v.get("name");
      return inner == null ? null : text(inner);
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }
}
