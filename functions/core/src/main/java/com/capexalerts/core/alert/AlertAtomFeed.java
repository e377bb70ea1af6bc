package com.capexalerts.core.alert;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The latest alerts as an Atom 1.0 feed (RFC 4287), written by Rome. Each event is one entry whose id is a name-based
 * {@code urn:uuid:} of its event key, so the id never changes however often the feed is served, and the same event
 * never shows up twice in a reader.
 */
public final class AlertAtomFeed {
  /** Events in the feed. */
  public static final int LATEST = 50;
  public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
  static final String FEED_TITLE = "AI Capex Alerts";
  static final String AUTHOR = "AI Capex Alerts";
  /** Other outlets of an event linked as rel="related". */
  static final int MAX_RELATED_LINKS = 10;

  private AlertAtomFeed() {}

  /**
   * The feed document.
   *
   * @param events        newest first; the first {@link #LATEST} are written
   * @param selfUrl       where this feed is served (rel="self")
   * @param alternateUrl  the same events in another representation (rel="alternate"), e.g. the JSON listing
   * @param alternateType media type of {@code alternateUrl}
   * @param now           the feed's updated time when it has no entries (Atom requires one)
   */
  public static String write(List<Announcement> events, String selfUrl, String alternateUrl, String alternateType,
      Instant now) {
    Objects.requireNonNull(selfUrl, "selfUrl");
    Objects.requireNonNull(alternateUrl, "alternateUrl");
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setUri(urn("feed", selfUrl));
    feed.setTitle(FEED_TITLE);
    feed.setDescription("New AI investment commitments of big-tech companies, each event once.");
    feed.setLanguage("en");
    feed.setAuthors(List.of(person(AUTHOR)));
    feed.setLinks(List.of(link("self", "application/atom+xml", selfUrl, null),
        link("alternate", alternateType, alternateUrl, null)));

    List<SyndEntry> entries = new ArrayList<>();
    Instant updated = null;
    for (Announcement a : events.subList(0, Math.min(events.size(), LATEST))) {
      SyndEntry entry = entry(a, alternateUrl, alternateType);
      entries.add(entry);
      Instant entryUpdated = entry.getUpdatedDate().toInstant();
      updated = updated == null || entryUpdated.isAfter(updated) ? entryUpdated : updated;
    }
    feed.setEntries(entries);
    // Rome writes the feed's <updated> from its published date.
    feed.setPublishedDate(Date.from(updated == null ? now : updated));
    try {
      return new SyndFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the Atom feed: " + e.getMessage(), e);
    }
  }

  /** The entry id of an event: {@code urn:uuid:} of a name-based UUID of its key. */
  public static String entryId(EventKey key) {
    return urn("event", key.value());
  }

  /** "Alibaba: over 380 billion yuan (about $52.4 billion)"; a raise starts with "Raised: ". */
  public static String title(Announcement a) {
    StringBuilder t = new StringBuilder();
    if (a.kind() == AnnouncementKind.UPDATE) {
      t.append("Raised: ");
    }
    t.append(a.company()).append(": ").append(a.amount().text());
    if (!"USD".equalsIgnoreCase(a.amount().currency())) {
      t.append(" (about ").append(AlertMessages.usd(a.amountUsd(), false)).append(')');
    }
    return xml(t.toString());
  }

  /** An entry; links the event's capex-alert/1 document (rel="alternate", the alternate type) under alternateUrl. */
  private static SyndEntry entry(Announcement a, String alternateUrl, String alternateType) {
    SyndEntry e = new SyndEntryImpl();
    e.setUri(entryId(a.key()));
    e.setTitle(title(a));
    // Without its own author Rome writes an empty <author><name/></author> into each entry.
    e.setAuthors(List.of(person(AUTHOR)));
    e.setPublishedDate(Date.from(a.published()));
    // The event is complete when detected; a feed date in the future must not make updated precede published.
    e.setUpdatedDate(Date.from(a.detectedAt().isAfter(a.published()) ? a.detectedAt() : a.published()));
    SyndContent summary = new SyndContentImpl();
    summary.setType("text");
    summary.setValue(xml(a.evidence()));
    e.setDescription(summary);
    SyndContent content = new SyndContentImpl();
    content.setType("text");
    content.setValue(xml(AlertMessages.email(a)));
    e.setContents(List.of(content));
    List<SyndLink> links = new ArrayList<>();
    String first = webLink(a.link());
    if (first != null) {
      links.add(link("alternate", "text/html", first, null));
    }
    links.add(link("alternate", alternateType, alternateUrl + "/"
        + java.net.URLEncoder.encode(a.key().value(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
        null));
    int related = 0;
    for (Source s : a.sources()) {
      String href = webLink(s.link());
      if (related == MAX_RELATED_LINKS) {
        break;
      }
      if (href != null && !href.equals(first)) {
        links.add(link("related", "text/html", href, s.outlet() == null ? null : xml(s.outlet())));
        related++;
      }
    }
    e.setLinks(links);
    e.setCategories(List.of(category(a.company()), category(a.kind().wireName())));
    return e;
  }

  private static SyndLink link(String rel, String type, String href, String title) {
    SyndLink l = new SyndLinkImpl();
    l.setRel(rel);
    l.setType(type);
    l.setHref(href);
    l.setTitle(title);
    return l;
  }

  private static SyndPerson person(String name) {
    SyndPerson p = new SyndPersonImpl();
    p.setName(name);
    return p;
  }

  private static SyndCategory category(String term) {
    SyndCategory c = new SyndCategoryImpl();
    c.setName(xml(term));
    return c;
  }

  private static String urn(String kind, String name) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(("capex-alerts:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8));
  }

  /** An absolute http(s) link, or null: anything else (javascript:, relative, garbage) is not linked. */
  private static String webLink(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(link.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** Feed texts may hold characters XML 1.0 cannot carry (control characters); they are dropped. */
  static String xml(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().filter(AlertAtomFeed::xmlChar).forEach(b::appendCodePoint);
    return b.toString();
  }

  private static boolean xmlChar(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
