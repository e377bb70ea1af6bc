package com.capexalerts.core.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.impl.DateParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** The standard mapping from a Rome entry to a FeedItem: clean text, absolute link, date, stable id. */
final class EntryMapper implements ItemMapper {
  /** Detection reads whole articles, but a runaway content:encoded must not fill memory downstream. */
  static final int MAX_SUMMARY_CHARS = 20_000;
  static final int MAX_TITLE_CHARS = 1_000;

  private static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  /** Elements that may hold an item's date, most specific first (RSS pubDate, dc:date, Atom published/updated). */
  static final List<String> DATE_ELEMENTS =
      List.of("pubDate", "published", "date", "issued", "created", "updated", "modified");

  @Override
  public FeedItem map(SyndEntry entry, Element element, FeedContext feed) throws SkippedItem {
    String title = HtmlText.truncate(HtmlText.clean(entry.getTitle()), MAX_TITLE_CHARS);
    String summary = HtmlText.truncate(summary(entry), MAX_SUMMARY_CHARS);
    String link = Links.resolve(linkBase(element, feed.linkBase()), entry.getLink()).orElse(null);
    if (title.isEmpty() && link == null && summary.isEmpty()) {
      throw new SkippedItem("has no title, no link and no description");
    }
    Instant read = published(entry, element);
    Instant published = read == null || FeedDates.plausible(read, feed.readAt()) ? read : feed.readAt();
    if (published != read) {
      feed.warnings().accept("date read as " + read + " is implausible (before 1990 or over two days ahead), "
          + "using the fetch time " + feed.readAt());
    }
    String id = guid(element)
        .or(() -> Optional.ofNullable(link).map(Links::canonical))
        .orElseGet(() -> hashId(title.isEmpty() ? summary : title, published));
    return new FeedItem(id, title, summary, link, published, outlet(element).orElse(feed.source()));
  }

  /**
   * The item's own outlet: RSS 2.0 {@code <source url="...">Outlet</source>}, which aggregators such as Google News
   * set on every item; empty when there is none (the feed's title stands for the outlet then).
   */
  static Optional<String> outlet(Element element) {
    if (element == null) {
      return Optional.empty();
    }
    Element source = element.getChild("source", element.getNamespace());
    String name = source == null ? "" : HtmlText.clean(source.getTextNormalize());
    return name.isEmpty() ? Optional.empty() : Optional.of(HtmlText.truncate(name, 200));
  }

  /** The longer of full content (content:encoded, Atom content) and description/summary, as clean text. */
  private static String summary(SyndEntry entry) {
    var contents = new ArrayList<String>();
    for (SyndContent content : entry.getContents()) {
      contents.add(HtmlText.clean(content.getValue()));
    }
    String content = String.join(" ", contents).strip();
    String description = entry.getDescription() == null ? "" : HtmlText.clean(entry.getDescription().getValue());
    return content.length() >= description.length() ? content : description;
  }

  /** Feed base, then every xml:base from the root down to the item (the innermost wins, relative ones stack). */
  private static String linkBase(Element element, String feedBase) {
    if (element == null) {
      return feedBase;
    }
    var chain = new ArrayList<Element>();
    for (Element e = element; e != null; e = e.getParentElement()) {
      chain.addFirst(e);
    }
    String base = feedBase;
    for (Element e : chain) {
      String xmlBase = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
      if (xmlBase != null) {
        base = Links.resolve(base, xmlBase).orElse(base);
      }
    }
    return base;
  }

  /**
   * The first raw date text that {@link FeedDates} reads; Rome's date parser only for shapes FeedDates does not know
   * (Rome rolls impossible dates such as 30 February over to March, which would be a wrong date, not a missing one).
   * Without the item's element, the dates Rome read itself.
   */
  private static Instant published(SyndEntry entry, Element element) {
    if (element == null) {
      Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
      return date == null ? null : date.toInstant();
    }
    var texts = new ArrayList<String>();
    for (String name : DATE_ELEMENTS) {
      for (Element child : element.getChildren()) {
        if (child.getName().equals(name)) {
          texts.add(child.getTextNormalize());
        }
      }
    }
    for (String text : texts) {
      Optional<Instant> parsed = FeedDates.parse(text);
      if (parsed.isPresent()) {
        return parsed.get();
      }
    }
    if (texts.stream().anyMatch(FeedDates::recognises)) {
      return null;
    }
    for (String text : texts) {
      Date date = DateParser.parseDate(text, Locale.US);
      if (date != null) {
        return date.toInstant();
      }
    }
    return null;
  }

  /** RSS guid, Atom id or RSS 1.0 rdf:about, exactly as the publisher wrote it. */
  private static Optional<String> guid(Element element) {
    if (element == null) {
      return Optional.empty();
    }
    String id = switch (element.getName()) {
      case "entry" -> element.getChildTextTrim("id", element.getNamespace());
      case "item" -> {
        String guid = element.getChildTextTrim("guid", element.getNamespace());
        yield guid != null && !guid.isEmpty() ? guid : element.getAttributeValue("about", RDF);
      }
      default -> null;
    };
    return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.strip());
  }

  private static String hashId(String text, Instant published) {
    String key = text + "\n" + (published == null ? "" : published.toString());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
