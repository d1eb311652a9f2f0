package org.newsarchiver.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article's main text block when no site selector gives one: the best-scoring element
 * ({@link ContentScorer}), moved up to the ancestor that holds its peers, with the sibling blocks
 * that also read as content, cleaned of furniture. JSON-LD {@code articleBody} stands in when the
 * markup yields much less. Leaves the document as it found it. Stateless.
 */
final class BodyExtractor {
  private static final int TOP_CANDIDATES = 5;
  private static final int MIN_PEERS = 3;

  private BodyExtractor() {}

  /**
   * The body's paragraphs, the element they were read from, and whether they are a list of story
   * teasers on a page that nowhere says it is an article.
   */
  record Found(List<String> paragraphs, Element box, boolean teasers) {}

  static List<String> extract(Document doc, JsonLd ld, @Nullable String title) {
    return find(doc, ld, title).paragraphs();
  }

  static Found find(Document doc, JsonLd ld, @Nullable String title) {
    Element body = doc.body();
    ContentScorer scorer = PageIndex.of(doc).bodyScores();
    if (scorer == null || scorer.root() != body) {
      scorer = new ContentScorer();
      scorer.score(body);
    }
    Element top = topCandidate(scorer, body);
    List<Element> parts = withLeadFigure(withCousins(top, withSiblings(top, scorer), scorer), scorer);
    // the walk only on pages that nowhere say they are an article: most news pages say so
    boolean teasers = !StoryList.saysArticle(doc, ld) && StoryList.isTeasers(parts, scorer);
    Cleaner cleaner = new Cleaner();
    cleaner.clean(parts, scorer);
    List<String> paragraphs = Blocks.paragraphs(parts);
    cleaner.restore();
    Element box = parts.isEmpty() ? top : parts.get(0);
    for (Element part : parts) box = commonAncestor(box, part);
    return new Found(crossChecked(paragraphs, ld), box, teasers);
  }

  private static Element topCandidate(ContentScorer scorer, Element body) {
    List<Element> ranked = new ArrayList<>(scorer.candidates());
    if (ranked.isEmpty()) return body;
    ranked.sort((a, b) -> Double.compare(scorer.of(b).score, scorer.of(a).score));
    Element top = ranked.get(0);
    double topScore = scorer.of(top).score;

    // several near-best candidates under one ancestor: the article is that ancestor
    List<Set<Element>> peers = new ArrayList<>();
    for (Element alt : ranked.subList(1, Math.min(TOP_CANDIDATES, ranked.size()))) {
      if (scorer.of(alt).score >= 0.75 * topScore) {
        Set<Element> anc = Collections.newSetFromMap(new IdentityHashMap<>());
        anc.addAll(alt.parents());
        peers.add(anc);
      }
    }
    if (peers.size() >= MIN_PEERS) {
      for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
        int holding = 0;
        for (Set<Element> anc : peers) if (anc.contains(p)) holding++;
        if (holding >= MIN_PEERS) {
          top = p;
          break;
        }
      }
    }

    // a parent that scores higher than the child gathered more of the article
    double last = scorer.of(top).score;
    double threshold = last / 3;
    for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
      ContentScorer.Stats s = scorer.of(p);
      if (!s.candidate) continue;
      if (s.score < threshold) break;
      if (s.score > last) {
        top = p;
        break;
      }
      last = s.score;
    }
    while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  /** The top candidate and its siblings that also look like content, in page order. */
  private static List<Element> withSiblings(Element top, ContentScorer scorer) {
    Element parent = top.parent();
    if (parent == null || top.normalName().equals("body")) return List.of(top);
    double topScore = scorer.of(top).score;
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    List<Element> out = new ArrayList<>();
    for (Element sib : parent.children()) {
      if (sib == top) {
        out.add(sib);
        continue;
      }
      if (scorer.furniture().contains(sib)) continue;
      ContentScorer.Stats s = scorer.of(sib);
      double bonus = !topClass.isEmpty() && topClass.equals(sib.className()) ? topScore * 0.2 : 0;
      if (s.candidate && s.score + bonus >= threshold) {
        out.add(sib);
      } else if (sib.normalName().equals("p")) {
        double density = scorer.linkDensity(sib);
        if (s.text >= 80 && density < 0.25) {
          out.add(sib);
        } else if (s.text > 0 && s.text < 80 && density == 0 && endsSentence(sib.text())) {
          out.add(sib);
        }
      }
    }
    return out;
  }

  /**
   * Adds blocks elsewhere on the page that are built like the top candidate (same tag and class)
   * and also score as content: an article split by ad slots into several containers.
   */
  private static List<Element> withCousins(Element top, List<Element> parts, ContentScorer scorer) {
    List<Element> cousins = new ArrayList<>();
    // the top candidate, or the block it wraps alone, carries the class its cousins share
    for (Element probe = top; probe != null; probe = probe.childrenSize() == 1 ? probe.child(0) : null) {
      String cls = probe.className();
      if (cls.isEmpty()) continue;
      double min = Math.max(5, scorer.of(probe).score * 0.1);
      for (Element c : scorer.candidates()) {
        if (c == probe || !c.normalName().equals(probe.normalName()) || !sameKind(c.className(), cls)) continue;
        if (scorer.of(c).score < min || scorer.linkDensity(c) > 0.3) continue;
        if (related(c, parts) || related(c, cousins) || commonAncestorDepth(top, c) > MAX_COUSIN_DEPTH) continue;
        cousins.add(c);
      }
    }
    if (cousins.isEmpty()) return parts;
    Set<Element> all = Collections.newSetFromMap(new IdentityHashMap<>());
    all.addAll(parts);
    all.addAll(cousins);
    Element root = top;
    for (Element c : cousins) root = commonAncestor(root, c);
    List<Element> ordered = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (all.contains(e) && !related(e, ordered)) ordered.add(e);
    }
    return ordered;
  }

  private static final int MAX_COUSIN_DEPTH = 8;

  /** Same class, or the same first class ("story-body story-body-1" and "story-body story-body-2"). */
  private static boolean sameKind(String a, String b) {
    if (a.equals(b)) return true;
    int i = a.indexOf(' ');
    int j = b.indexOf(' ');
    return i > 0 && j > 0 && a.substring(0, i).equals(b.substring(0, j));
  }

  private static boolean related(Element e, List<Element> parts) {
    for (Element p : parts) {
      if (p == e) return true;
      for (Element a = e.parent(); a != null; a = a.parent()) if (a == p) return true;
      for (Element a = p.parent(); a != null; a = a.parent()) if (a == e) return true;
    }
    return false;
  }

  private static Element commonAncestor(Element a, Element b) {
    Set<Element> up = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element x = a; x != null; x = x.parent()) up.add(x);
    for (Element y = b; y != null; y = y.parent()) if (up.contains(y)) return y;
    return a;
  }

  private static int commonAncestorDepth(Element a, Element b) {
    Element common = commonAncestor(a, b);
    int depth = 0;
    for (Element x = a; x != null && x != common; x = x.parent()) depth++;
    return depth;
  }

  /** A picture with its caption or credit just before the text: the article's lead image. */
  private static List<Element> withLeadFigure(List<Element> parts, ContentScorer scorer) {
    if (parts.isEmpty()) return parts;
    Element first = parts.get(0);
    Element prev = first.previousElementSibling();
    if (prev == null || scorer.furniture().contains(prev)) return parts;
    boolean figure = prev.normalName().equals("figure")
        || !prev.getElementsByTag("img").isEmpty() && prev.getElementsByTag("p").size() <= 1;
    if (!figure) return parts;
    int text = scorer.of(prev).text;
    if (text == 0 || text > 300 || prev.getElementsByTag("img").size() + prev.getElementsByTag("picture").size() == 0) {
      return parts;
    }
    List<Element> out = new ArrayList<>(parts.size() + 1);
    out.add(prev);
    out.addAll(parts);
    return out;
  }

  private static boolean endsSentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.contains(". ");
  }

  /** JSON-LD's {@code articleBody} when the page's own markup gives much less text. */
  private static List<String> crossChecked(List<String> paragraphs, JsonLd ld) {
    String ldBody = ld.articleText("articleBody");
    if (ldBody == null || ldBody.length() < 500) return paragraphs;
    int found = 0;
    for (String p : paragraphs) found += p.length();
    if (found * 2 >= ldBody.length()) return paragraphs;
    return TextNormalizer.paragraphs(List.of(ldBody.split("\\n+")));
  }
}
