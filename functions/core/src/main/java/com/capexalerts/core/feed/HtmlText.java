package com.capexalerts.core.feed;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns feed HTML (descriptions, content:encoded, Atom html content, double-escaped titles) into one line of clean
 * text: tags stripped, entities decoded, whitespace folded.
 *
 * <p>Block boundaries (paragraphs, headings, list items, line breaks) become sentence boundaries: when a block ends
 * without sentence punctuation a period is added, so that "&lt;p&gt;Alibaba will invest&lt;/p&gt;&lt;p&gt;Shares
 * fell&lt;/p&gt;" reads "Alibaba will invest. Shares fell" and a sentence splitter never glues two paragraphs (and
 * their amounts) into one sentence.
 */
public final class HtmlText {
  /** Elements whose start and end separate sentences. */
  private static final Set<String> SENTENCE_BLOCKS = Set.of(
      "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre",
      "section", "article", "header", "footer", "aside", "main", "nav", "figure", "figcaption", "address",
      "table", "tr", "caption", "ul", "ol", "dl", "form", "fieldset", "details", "summary");
  /** Elements that only separate words (table cells). */
  private static final Set<String> WORD_BLOCKS = Set.of("td", "th");
  /** Elements whose text is never reader-visible prose. */
  private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "head", "iframe",
      "object", "svg", "math", "button", "select", "textarea");

  private HtmlText() {}

  /** Clean text of an HTML fragment (or of plain text, which passes through folded); "" for null or blank. */
  public static String clean(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    var out = new TextBuffer();
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      out.append(html); // plain text: no need to build a DOM
    } else {
      Jsoup.parseBodyFragment(html).body().traverse(new Visitor(out));
    }
    return out.toString();
  }

  /** Cuts clean text to at most {@code max} characters, at a word boundary when there is one, marking the cut. */
  public static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    return text.substring(0, cut).strip() + "…";
  }

  private record Visitor(TextBuffer out) implements NodeVisitor {
    @Override
    public void head(Node node, int depth) {
      switch (node) {
        case TextNode text when !insideSkipped(text) -> out.append(text.getWholeText());
        case Element el when SENTENCE_BLOCKS.contains(el.normalName()) -> out.sentenceBreak();
        case Element el when WORD_BLOCKS.contains(el.normalName()) -> out.space();
        default -> {}
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el) {
        if (SENTENCE_BLOCKS.contains(el.normalName())) {
          out.sentenceBreak();
        } else if (WORD_BLOCKS.contains(el.normalName())) {
          out.space();
        }
      }
    }

    private static boolean insideSkipped(TextNode text) {
      for (Node p = text.parentNode(); p != null; p = p.parentNode()) {
        if (p instanceof Element el && SKIPPED.contains(el.normalName())) {
          return true;
        }
      }
      return false;
    }
  }

  /** Appends text folding whitespace; separators are only written before the next visible character. */
  private static final class TextBuffer {
    private final StringBuilder sb = new StringBuilder();
    private boolean pendingSpace;
    private boolean pendingSentence;

    void space() {
      pendingSpace = true;
    }

    void sentenceBreak() {
      pendingSentence = true;
    }

    void append(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) { // isSpaceChar covers no-break spaces
          pendingSpace = true;
        } else if (isInvisible(c)) {
          // zero-width and soft-hyphen characters split words for search; drop them
        } else {
          if (!sb.isEmpty()) {
            if (pendingSentence) {
              if (!endsSentence()) {
                sb.append('.');
              }
              sb.append(' ');
            } else if (pendingSpace) {
              sb.append(' ');
            }
          }
          pendingSpace = false;
          pendingSentence = false;
          sb.append(c);
        }
      }
    }

    private static boolean isInvisible(char c) {
      return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD'
          || (Character.isISOControl(c));
    }

    /** True when the text so far ends with sentence punctuation, possibly followed by closing quotes/brackets. */
    private boolean endsSentence() {
      int i = sb.length() - 1;
      while (i >= 0 && "\"'”’»)]".indexOf(sb.charAt(i)) >= 0) {
        i--;
      }
      return i >= 0 && ".!?:;…".indexOf(sb.charAt(i)) >= 0;
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
