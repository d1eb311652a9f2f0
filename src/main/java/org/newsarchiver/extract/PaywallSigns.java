package org.newsarchiver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;

/**
 * Whether a page that shows a few paragraphs holds the rest of the article back for subscribers:
 * the publisher says so in JSON-LD ({@code isAccessibleForFree: false}) and the marked part is
 * empty, or the article's own box ends in an offer to subscribe ("Il vous reste 74 % de cet
 * article à lire"). Only the article's box and the boxes right after it count: a sign-in window
 * kept hidden at the end of every page of a metered site says nothing about this article. Stateless.
 */
final class PaywallSigns {
  /**
   * Phrases of a subscription offer that cuts an article short, lower-cased, in the languages the
   * date finder reads. Each names the reading or the subscribers, so that a newsletter box does not
   * count.
   */
  static final String[] TEASER_PHRASES = {
    // English
    "subscribe to continue", "subscribe to read", "to continue reading", "to keep reading",
    "to read the full article", "to read the full story", "to read this article", "subscribers only",
    "exclusive to subscribers", "for subscribers only", "already a subscriber", "this article is for subscribers",
    "this content is for subscribers", "create a free account to continue", "sign in to read",
    "register to continue", "unlock this article", "the rest of this article",
    // French
    "de cet article à lire", "la suite est réservée", "réservé aux abonnés", "réservée aux abonnés",
    "pour lire la suite", "article réservé", "déjà abonné",
    // German
    "weiterlesen mit", "jetzt weiterlesen", "lesen sie weiter mit", "den ganzen artikel", "den vollständigen artikel",
    "exklusiv für abonnenten", "nur für abonnenten", "bereits abonnent", "abonnieren sie", "um weiterzulesen",
    // Spanish
    "exclusivo para suscriptores", "para seguir leyendo", "para continuar leyendo", "ya eres suscriptor",
    "ya soy suscriptor",
    // Italian
    "riservato agli abbonati", "per continuare a leggere", "sei già abbonato", "contenuto riservato",
    // Portuguese
    "exclusivo para assinantes", "para continuar lendo", "para continuar a ler", "já é assinante",
    // Dutch
    "alleen voor abonnees", "lees verder met", "al abonnee",
    // Russian, Ukrainian
    "только для подписчиков", "доступен подписчикам", "чтобы продолжить чтение", "дочитать",
    "лише для передплатників", "щоб продовжити читання",
    // Turkish
    "abonelere özel", "okumaya devam etmek için",
  };

  /** Class or id words of the box that replaces the rest of an article. */
  static final String[] BOX_HINTS = {
    "paywall", "pay-wall", "regwall", "subscriber-only", "premium-content", "metered-content",
    "subscription-wall", "article-locked", "locked-content", "piano-offer", "tp-container", "plus-teaser"
  };

  /** A marked part holding less text than this was not delivered: it is the placeholder. */
  private static final int DELIVERED_PART = 200;
  /** The boxes after the article's own box that may carry the offer. */
  private static final int FOLLOWING_BOXES = 3;
  /** Up to this many levels above the body's box, an {@code <article>} is the article's box. */
  private static final int ARTICLE_LEVELS = 4;
  /** Text read per box after the article: an offer is short, a box that long is something else. */
  private static final int MAX_BOX_TEXT = 2_000;
  /** An offer's block holds at most this much text; a longer block is prose. */
  private static final int OFFER_TEXT = 400;
  /** A block this short with a link or button may be an offer's call to act. */
  private static final int BUTTON_TEXT = 150;
  /** The last blocks of the article read for an offer. */
  private static final int TAIL_BLOCKS = 3;
  /** How far down through last blocks an offer is looked for. */
  private static final int MAX_DEPTH = 12;

  private PaywallSigns() {}

  /**
   * Whether a body of teaser length is only the free part of the article. {@code box} is the
   * element the body was read from, or null when a site selector gave it.
   */
  static boolean heldBack(Element root, JsonLd ld, List<String> body, @Nullable Element box) {
    Boolean declared = declared(root, ld, body);
    if (declared != null) return declared;
    return box != null && offerBeside(box);
  }

  /** Whether lower-cased text says a paywall phrase. */
  static boolean saysPaywall(String lowerText) {
    return ClassHints.containsAny(lowerText, TEASER_PHRASES);
  }

  /**
   * What JSON-LD's paywall markup says: true when it marks the article not free and the marked
   * part is on the page but empty (or the body falls far short of the stated word count); false
   * when the marked part is all there; null when it says nothing either way.
   */
  /** The page's JSON-LD marks its article as not free to read. */
  static boolean markedNotFree(JsonLd ld) {
    for (JsonNode article : ld.articles()) {
      if (isFalse(article.get("isAccessibleForFree"))) return true;
    }
    return false;
  }

  static @Nullable Boolean declared(Element root, JsonLd ld, List<String> body) {
    for (JsonNode article : ld.articles()) {
      if (!isFalse(article.get("isAccessibleForFree"))) continue;
      List<String> selectors = lockedParts(article.get("hasPart"));
      boolean placeholder = false;
      for (String css : selectors) {
        for (Element part : select(root, css)) {
          if (ClassHints.shortText(part, DELIVERED_PART) == null) return false; // the locked part came with the page
          placeholder = true;
        }
      }
      // a marked part that is there but empty is the place the rest would go; one not there at all
      // may be built by a script, or the markup may not follow the publisher's own word
      if (placeholder) return true;
      JsonNode words = article.get("wordCount");
      if (words != null && words.canConvertToInt() && words.asInt() > 0) {
        return words(body) * 10 < words.asInt() * 6;
      }
    }
    return null;
  }

  /** Longest publisher's selector tried; Google's examples are a class or two. */
  private static final int MAX_SELECTOR = 200;

  private static List<Element> select(Element root, String css) {
    // the page chose the selector: no pseudo-classes with arguments (":matches(" runs a regex,
    // nested ":has(" multiplies the walk), nothing long
    if (css.length() > MAX_SELECTOR || css.indexOf('(') >= 0) return List.of();
    try {
      return root.select(css);
    } catch (Selector.SelectorParseException e) {
      return List.of(); // the publisher's selector is not one Jsoup reads: no evidence either way
    }
  }

  private static boolean isFalse(@Nullable JsonNode v) {
    if (v == null) return false;
    String s = v.asText();
    return s.equalsIgnoreCase("false") || s.equalsIgnoreCase("no");
  }

  /** The {@code cssSelector}s of the parts marked not free. */
  private static List<String> lockedParts(@Nullable JsonNode hasPart) {
    List<String> out = new ArrayList<>();
    if (hasPart == null) return out;
    Iterable<JsonNode> parts = hasPart.isArray() ? hasPart : List.of(hasPart);
    for (JsonNode p : parts) {
      if (!p.isObject() || !isFalse(p.get("isAccessibleForFree"))) continue;
      String css = JsonLd.text(p.get("cssSelector"));
      if (css != null) out.add(css);
    }
    return out;
  }

  private static int words(List<String> body) {
    int n = 0;
    for (String p : body) {
      boolean inWord = false;
      for (int i = 0; i < p.length(); i++) {
        boolean letter = Character.isLetterOrDigit(p.charAt(i));
        if (letter && !inWord) n++;
        inWord = letter;
      }
    }
    return n;
  }

  /**
   * The article's box ends in an offer to subscribe, holds a box named as a paywall, or one of the
   * few boxes after it does either.
   */
  private static boolean offerBeside(Element box) {
    Element article = box;
    Element up = box;
    for (int level = 0; up != null && level <= ARTICLE_LEVELS; level++, up = up.parent()) {
      if (up.nameIs("article")) {
        article = up;
        break;
      }
    }
    // the page index saw every class and id: most pages name no paywall box anywhere
    org.jsoup.nodes.Document doc = box.ownerDocument();
    boolean named = doc == null || PageIndex.of(doc).paywallHint;
    if (named && holdsPaywallBox(article, box) || endsWithOffer(article)) return true;
    Element next = article.nextElementSibling();
    for (int i = 0; next != null && i < FOLLOWING_BOXES; i++, next = next.nextElementSibling()) {
      if (isHidden(next)) continue;
      if (named && holdsPaywallBox(next, null)) return true;
      String text = ClassHints.shortText(next, MAX_BOX_TEXT);
      if (text != null && saysPaywall(text.toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }

  /**
   * A visible element under {@code e} is named as a paywall box; one that holds {@code prose} (the
   * body's box) is a wrapper around the article, not the offer.
   */
  private static boolean holdsPaywallBox(Element e, @Nullable Element prose) {
    boolean[] found = {false};
    NodeFilter look = (node, depth) -> {
      if (!(node instanceof Element el)) return NodeFilter.FilterResult.CONTINUE;
      if (isHidden(el)) return NodeFilter.FilterResult.SKIP_ENTIRELY;
      if (el.attributesSize() != 0
          && ClassHints.containsAny(Furniture.hints(el), BOX_HINTS)
          && (prose == null || !holds(el, prose))) {
        found[0] = true;
        return NodeFilter.FilterResult.STOP;
      }
      return NodeFilter.FilterResult.CONTINUE;
    };
    NodeTraversor.filter(look, e);
    return found[0];
  }

  private static boolean holds(Element outer, Element inner) {
    for (Element p = inner; p != null; p = p.parent()) {
      if (p == outer) return true;
    }
    return false;
  }

  /**
   * The article's last blocks offer a subscription: followed down through the last block while it
   * is long (the prose), then the short blocks at its end are read back to the first that is neither
   * the offer nor a link or button. An article that quotes such words goes on with prose after them.
   */
  private static boolean endsWithOffer(Element article) {
    Element e = article;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      List<Element> tail = lastBlocks(e);
      if (tail.isEmpty()) return false;
      String last = ClassHints.shortText(tail.get(0), OFFER_TEXT);
      if (last == null) {
        e = tail.get(0); // a long block: the offer, if any, ends it
        continue;
      }
      for (Element block : tail) {
        String text = ClassHints.shortText(block, OFFER_TEXT);
        if (text == null) return false;
        if (saysPaywall(text.toLowerCase(Locale.ROOT))) return true;
        // the offer's last line may be a bare button ("Jetzt testen"); a sentence of prose ends the search
        if (text.length() > BUTTON_TEXT || block.selectFirst("a, button") == null) return false;
      }
      return false;
    }
    return false;
  }

  /** The last few visible child elements with text, last first. */
  private static List<Element> lastBlocks(Element e) {
    List<Element> out = new ArrayList<>(TAIL_BLOCKS);
    for (Element c = e.lastElementChild(); c != null && out.size() < TAIL_BLOCKS; c = c.previousElementSibling()) {
      if (isHidden(c) || Furniture.NEVER_TEXT.contains(c.normalName())) continue;
      String text = ClassHints.shortText(c, 1);
      if (text == null || !text.isBlank()) out.add(c);
    }
    return out;
  }

  /** Kept out of sight until a script shows it: a sign-in window of a metered site, a template. */
  private static boolean isHidden(Element e) {
    String tag = e.normalName();
    if (tag.equals("template") || tag.equals("script") || tag.equals("style") || tag.equals("noscript")) return true;
    if (e.attributesSize() == 0) return false;
    var attrs = e.attributes();
    return attrs.hasKey("hidden") || "true".equals(attrs.get("aria-hidden")) || Furniture.isHiddenByStyle(attrs.get("style"));
  }
}
