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
  /** Up to this many characters of body text, a page may be the free part of a paywalled article. */
  private static final int TEASER_MAX = 3000;
  private static final int MIN_ARTICLE = 80;
  private static final int NEARLY_EMPTY = 50;

  private static final String[] BLOCK_PHRASES = {
    "just a moment", "attention required", "are you a robot", "are you a human", "verify you are human",
    "verify that you are human", "checking your browser", "access denied", "pardon our interruption",
    "unusual traffic", "captcha", "before you continue", "we value your privacy", "cookie consent",
    "consent to the use of cookies", "bot detection", "request unsuccessful", "you have been blocked",
    "press & hold", "press and hold to confirm", "enable js and disable any ad blocker",
    "performing security verification", "access to this page has been denied",
    // the consent buttons and bot checks of other languages; their words are rare in articles
    "zustimmen und weiter", "akzeptieren und weiter", "mit werbung weiterlesen", "sind sie ein mensch",
    "accepter et continuer", "êtes-vous un robot", "vérifiez que vous êtes un humain",
    "aceptar y continuar", "verifica que eres humano", "accetta e continua", "aceitar e continuar",
    "akkoord en doorgaan", "подтвердите, что вы не робот", "вы не робот"
  };
  /**
   * The opening words of the consent dialogs most sites show (the IAB framework's wording): read as
   * the body of a page that holds little else, they are the dialog, not an article.
   */
  private static final String[] CONSENT_PHRASES = {
    "we and our partners", "store and/or access information on a device", "wir und unsere partner",
    "nous et nos partenaires", "nosotros y nuestros socios", "noi e i nostri partner", "nós e os nossos parceiros",
    "wij en onze partners", "мы и наши партнеры"
  };
  /** Addresses of bot-check services' scripts, frames and forms. */
  private static final String[] BOT_CHECK_ADDRESSES = {
    "captcha-delivery.com", "/cdn-cgi/challenge-platform", "challenges.cloudflare.com", "_incapsula_resource",
    "perimeterx.net", "px-cdn.net", "hcaptcha.com", "recaptcha", "captcha"
  };
  static final String[] BLOCK_HINTS = {
    "captcha", "challenge", "cf-browser-verification", "consent", "cookie-wall", "cookiewall", "gdpr"
  };
  /**
   * Weaker paywall words than {@link PaywallSigns#TEASER_PHRASES} (a menu may say them): heard only
   * on a page with next to no body.
   */
  private static final String[] PAYWALL_PHRASES = {"for subscribers", "premium content"};
  static final List<String> APP_ROOTS = List.of("root", "app", "__next", "__nuxt", "svelte", "main-app");

  private PageClassifier() {}

  /**
   * The page's status. {@code box} is the element the body was read from, or null when a site
   * selector gave the body; {@code teasers}, whether that body is a list of story teasers on a page
   * that nowhere says it is an article ({@link StoryList}).
   */
  static PageStatus classify(
      Document doc, JsonLd ld, @Nullable String title, List<String> body, boolean bodyFromSite,
      @Nullable Element box, boolean teasers) {
    int length = weightedLength(body);
    if (length >= SHORT_BODY || bodyFromSite && length > 0) {
      // a few paragraphs and an offer to read on: the free part of an article, not the article
      boolean teaser = length < TEASER_MAX && PaywallSigns.heldBack(doc.body(), ld, body, box);
      if (teaser) return PageStatus.PAYWALLED;
      // story teasers on a page that nowhere says it is an article: a section front
      return teasers ? PageStatus.NOT_ARTICLE : PageStatus.OK;
    }

    // a bot check often shows no text at all, only the script or frame that runs it
    if (length < NEARLY_EMPTY && loadsBotCheck(doc)) return PageStatus.BLOCKED;
    PageText page = new PageText(doc.body());
    String lowerTitle = title == null ? "" : title.toLowerCase(Locale.ROOT);
    if (page.isNearlyEmpty() && !hasAppRoot(doc) && PageIndex.of(doc).noscripts.isEmpty()) {
      return PageStatus.EMPTY;
    }
    // a banner beside a short article is not a wall: the wall is what was read as the body, or
    // nothing was read and the page around says why
    String lowerBody = String.join(" ", body).toLowerCase(Locale.ROOT);
    if (containsAny(lowerTitle, BLOCK_PHRASES)
        || containsAny(lowerBody, BLOCK_PHRASES)
        || containsAny(lowerBody, CONSENT_PHRASES) && page.length() < 3000
        || length < NEARLY_EMPTY
            && page.length() < 3000
            && (containsAny(page.lower(), BLOCK_PHRASES) || PageIndex.of(doc).blockHint)) {
      return PageStatus.BLOCKED;
    }
    if (length < MIN_ARTICLE && needsJavaScript(doc, page.lower())) return PageStatus.NEEDS_JAVASCRIPT;
    if (isPaywalled(doc, ld, page, body, length, box)) return PageStatus.PAYWALLED;
    if (length < MIN_ARTICLE) return PageStatus.NOT_ARTICLE;
    return PageStatus.OK;
  }

  /** The page's text ({@link Element#text()}), read only when a question needs it: most short articles need none. */
  private static final class PageText {
    /** More than this many characters collected by a bounded walk means more than 20 of {@code text()}. */
    private static final int SURELY_NOT_EMPTY = 100;
    private final Element body;
    private @Nullable String text;
    private @Nullable String lower;

    PageText(Element body) {
      this.body = body;
    }

    /** Fewer than 20 characters of text. */
    boolean isNearlyEmpty() {
      // each non-blank text node gives at least one character and one space to the bounded walk
      if (ClassHints.shortText(body, SURELY_NOT_EMPTY) == null) return false;
      return text().strip().length() < 20;
    }

    int length() {
      return text().length();
    }

    String lower() {
      if (lower == null) lower = text().toLowerCase(Locale.ROOT);
      return lower;
    }

    private String text() {
      if (text == null) text = body.text();
      return text;
    }
  }

  /** A script, frame or form of a bot-check service (DataDome, Cloudflare, Imperva, PerimeterX, CAPTCHAs). */
  private static boolean loadsBotCheck(Document doc) {
    for (Element e : doc.select("script[src], iframe[src], form[action], [id^=px-captcha], #challenge-form")) {
      if (e.id().startsWith("px-captcha") || e.id().equals("challenge-form")) return true;
      String url = (e.hasAttr("src") ? e.attr("src") : e.attr("action")).toLowerCase(Locale.ROOT);
      if (containsAny(url, BOT_CHECK_ADDRESSES)) return true;
    }
    return false;
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

  /**
   * A body of a few sentences read from a known box is held back only where the box says so (a
   * metered site's hidden sign-in window is on every page); with next to nothing read, the page
   * around says why.
   */
  private static boolean isPaywalled(
      Document doc, JsonLd ld, PageText page, List<String> body, int length, @Nullable Element box) {
    if (length >= MIN_ARTICLE && box != null) return PaywallSigns.heldBack(doc.body(), ld, body, box);
    Boolean declared = PaywallSigns.declared(doc.body(), ld, body);
    if (declared != null) return declared;
    return PaywallSigns.markedNotFree(ld) || containsAny(page.lower(), PAYWALL_PHRASES)
        || PaywallSigns.saysPaywall(page.lower()) || PageIndex.of(doc).paywallHint;
  }

  private static boolean containsAny(String s, String[] phrases) {
    for (String p : phrases) {
      if (s.contains(p)) return true;
    }
    return false;
  }
}
