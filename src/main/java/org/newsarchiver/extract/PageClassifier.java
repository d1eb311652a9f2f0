package org.newsarchiver.extract;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Decides whether a page is an article, or why not: an empty page, a consent wall or bot check
 * (blocked), text built by JavaScript, a paywall, or no article at all. Conservative: a page with a
 * real article body stays {@code ok} whatever banners it also carries; the other verdicts need a
 * short body and a marker in the markup. Stateless.
 */
final class PageClassifier {
  /** Below this many characters of body text, a page may be a wall rather than an article. */
  private static final int SHORT_BODY = 600;
  private static final int MIN_ARTICLE = 80;
  private static final int NEARLY_EMPTY = 50;

  private static final String[] BLOCK_PHRASES = {
    "just a moment", "attention required", "are you a robot", "are you a human", "verify you are human",
    "verify that you are human", "checking your browser", "access denied", "pardon our interruption",
    "unusual traffic", "captcha", "before you continue", "we value your privacy", "cookie consent",
    "consent to the use of cookies", "bot detection", "request unsuccessful"
  };
  static final String[] BLOCK_HINTS = {
    "captcha", "challenge", "cf-browser-verification", "consent", "cookie-wall", "cookiewall", "gdpr"
  };
  private static final String[] PAYWALL_PHRASES = {
    "subscribe to continue", "subscribe to read", "subscribers only", "for subscribers",
    "already a subscriber", "to continue reading", "create a free account to continue", "abonnieren sie",
    "réservé aux abonnés", "this content is for subscribers", "premium content", "sign in to read"
  };
  static final String[] PAYWALL_HINTS = {"paywall", "subscriber-only", "premium-content", "metered-content"};
  static final List<String> APP_ROOTS = List.of("root", "app", "__next", "__nuxt", "svelte", "main-app");

  private PageClassifier() {}

  static PageStatus classify(
      Document doc, JsonLd ld, @Nullable String title, List<String> body, boolean bodyFromSite) {
    int length = weightedLength(body);
    if (length >= SHORT_BODY || bodyFromSite && length > 0) return PageStatus.OK;

    String pageText = doc.body().text();
    String lowerText = pageText.toLowerCase(Locale.ROOT);
    String lowerTitle = title == null ? "" : title.toLowerCase(Locale.ROOT);
    if (pageText.strip().length() < 20 && !hasAppRoot(doc) && PageIndex.of(doc).noscripts.isEmpty()) {
      return PageStatus.EMPTY;
    }
    // a banner beside a short article is not a wall: the wall is what was read as the body, or
    // nothing was read and the page around says why
    String lowerBody = String.join(" ", body).toLowerCase(Locale.ROOT);
    if (containsAny(lowerTitle, BLOCK_PHRASES)
        || containsAny(lowerBody, BLOCK_PHRASES)
        || length < NEARLY_EMPTY
            && pageText.length() < 3000
            && (containsAny(lowerText, BLOCK_PHRASES) || PageIndex.of(doc).blockHint)) {
      return PageStatus.BLOCKED;
    }
    if (length < MIN_ARTICLE && needsJavaScript(doc, lowerText)) return PageStatus.NEEDS_JAVASCRIPT;
    if (isPaywalled(doc, ld, lowerText)) return PageStatus.PAYWALLED;
    if (length < MIN_ARTICLE) return PageStatus.NOT_ARTICLE;
    return PageStatus.OK;
  }

  /** Characters of body text, a CJK character counting as three: it carries about a word. */
  static int weightedLength(List<String> body) {
    int n = 0;
    for (String p : body) {
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        n += c >= '\u2E80' && c <= '\u9FFF' || c >= '\uAC00' && c <= '\uD7AF' ? 3 : 1;
      }
    }
    return n;
  }

  private static boolean needsJavaScript(Document doc, String lowerText) {
    for (Element ns : PageIndex.of(doc).noscripts) {
      String t = ns.text().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) t = ns.html().toLowerCase(Locale.ROOT);
      if (t.contains("javascript") || t.contains("enable js")) return true;
    }
    return lowerText.contains("enable javascript") || lowerText.contains("javascript is disabled")
        || lowerText.contains("javascript is required") || hasAppRoot(doc);
  }

  private static boolean hasAppRoot(Document doc) {
    for (String id : APP_ROOTS) {
      Element root = PageIndex.of(doc).appRoots.get(id); // gathered in the index's walk, not a walk per id
      if (root != null && root.text().length() < 200) return true;
    }
    return false;
  }

  private static boolean isPaywalled(Document doc, JsonLd ld, String lowerText) {
    for (var article : ld.articles()) {
      var free = article.get("isAccessibleForFree");
      if (free != null && (free.asText().equalsIgnoreCase("false") || free.asText().equalsIgnoreCase("no"))) {
        return true;
      }
    }
    return containsAny(lowerText, PAYWALL_PHRASES) || PageIndex.of(doc).paywallHint;
  }

  private static boolean containsAny(String s, String[] phrases) {
    for (String p : phrases) {
      if (s.contains(p)) return true;
    }
    return false;
  }
}
