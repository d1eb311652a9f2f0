package org.newsarchiver.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an element into paragraphs the way a reader sees them: each block element (p, heading, list
 * item, quote...) starts a paragraph, {@code <br>} breaks a line inside one and two of them end it.
 * Thread-safe (stateless).
 */
public final class Blocks {
  /** Elements that start a new paragraph. */
  public static final Set<String> BLOCK_TAGS =
      Set.of(
          "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2",
          "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure",
          "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "address",
          "hr", "form", "fieldset", "details", "summary", "center", "body");

  /** Elements whose content is never reader text. */
  private static final Set<String> SKIPPED =
      Set.of("script", "style", "noscript", "template", "svg", "button", "select", "option",
          "textarea", "iframe", "object", "embed", "canvas", "video", "audio", "input", "head");

  /** What stands between two cells of a table row in the text. */
  private static final String CELL_GAP = " | ";

  private Blocks() {}

  /** The normalized, non-empty paragraphs of one element. */
  public static List<String> paragraphs(Element root) {
    Collector c = new Collector();
    root.traverse(c);
    c.flush();
    return TextNormalizer.paragraphs(c.out);
  }

  /** The normalized paragraphs of several elements, in order. */
  public static List<String> paragraphs(List<Element> roots) {
    List<String> out = new ArrayList<>();
    for (Element e : roots) out.addAll(paragraphs(e));
    return out;
  }

  private static final class Collector implements NodeVisitor {
    final List<String> out = new ArrayList<>();
    final StringBuilder current = new StringBuilder();
    int skipDepth = 0;
    int preDepth = 0;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element el) {
        String tag = el.normalName();
        if (skipDepth > 0 || SKIPPED.contains(tag) || el.hasAttr("hidden")) {
          skipDepth++;
          return;
        }
        if (tag.equals("pre")) preDepth++;
        if (tag.equals("br")) lineBreak();
        else if (isCell(el)) cellGap();
        else if (BLOCK_TAGS.contains(tag)) flush();
        else if (tag.equals("img")) current.append(' ');
      } else if (skipDepth == 0 && node instanceof TextNode t) {
        // t.text() without its intermediate string: white space collapsed straight into the buffer
        if (preDepth > 0) current.append(t.getWholeText());
        else org.jsoup.internal.StringUtil.appendNormalisedWhitespace(current, t.getWholeText(), afterSpace());
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        String tag = el.normalName();
        if (tag.equals("pre")) preDepth--;
        if (!isCell(el) && BLOCK_TAGS.contains(tag)) flush();
      }
    }

    /**
     * A cell of a data table: a row reads as one line ("Adult $2.50 $2.50"), not a paragraph per
     * cell. A cell that holds blocks of its own (a layout table's column) stays a block.
     */
    private static boolean isCell(Element el) {
      if (!el.nameIs("td") && !el.nameIs("th")) return false;
      for (Element c = el.firstElementChild(); c != null; c = c.nextElementSibling()) {
        if (BLOCK_TAGS.contains(c.normalName())) return false;
      }
      return true;
    }

    /** Before a cell with a cell before it in the line: a separator the white-space clean-up keeps. */
    private void cellGap() {
      int n = current.length();
      while (n > 0 && current.charAt(n - 1) == ' ') n--;
      current.setLength(n);
      if (n > 0 && current.charAt(n - 1) != '\n') current.append(CELL_GAP);
    }

    /**
     * A {@code <br>}: a line break inside the paragraph, or, right after another one (white space
     * between), the end of the paragraph: old pages and some editors write paragraphs so.
     */
    private void lineBreak() {
      int n = current.length();
      if (preDepth == 0 && n > 0 && current.charAt(n - 1) == '\n') {
        current.setLength(n - 1);
        flush();
      } else {
        current.append('\n');
      }
    }

    /**
     * Nothing or a separator before: white space at the text's start would only be dropped again by
     * {@link TextNormalizer#paragraph}, so it is not appended, and most paragraphs come out clean.
     */
    private boolean afterSpace() {
      int n = current.length();
      if (n == 0) return true;
      char last = current.charAt(n - 1);
      return last == ' ' || last == '\n';
    }

    void flush() {
      if (current.length() > 0) {
        out.add(current.toString());
        current.setLength(0);
      }
    }
  }
}
