package com.capexalerts.core.feed;

import com.capexalerts.core.feed.ItemMapper.FeedContext;
import com.capexalerts.core.feed.ItemMapper.SkippedItem;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 safely (no DTDs, no external entities). Thread-safe.
 *
 * <p>The body is decoded by BOM and XML declaration, parsed by a hardened parser ({@link SafeXml}) and read by Rome;
 * each entry then becomes a {@link FeedItem} on its own, so a bad entry is reported in
 * {@link FeedParseResult#itemErrors()} and the others are kept.
 */
public final class FeedReader {
  /** Rome's message when no parser claims the document. */
  private static final String ROME_NO_PARSER = "Invalid document";
  private static final Set<String> UNUSED_CHANNEL_HINTS = Set.of("skipHours", "skipDays", "cloud", "ttl");

  private final ItemMapper mapper;
  private final Clock clock;

  public FeedReader() {
    this(Clock.systemUTC());
  }

  /** @param clock gives the fetch time, which replaces implausible item dates */
  public FeedReader(Clock clock) {
    this(new EntryMapper(), clock);
  }

  /** For tests that need an entry whose mapping fails. */
  FeedReader(ItemMapper mapper) {
    this(mapper, Clock.systemUTC());
  }

  private FeedReader(ItemMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param body    the raw bytes as fetched
   * @param feedUrl the feed's URL or path: base for relative links and name in error messages
   * @throws FeedException when the body as a whole is not a readable feed; the message names the feed and why
   */
  public FeedParseResult read(byte[] body, String feedUrl) throws FeedException {
    Objects.requireNonNull(feedUrl, "feedUrl");
    if (JsonFeedReader.looksLikeJson(body)) {
      return JsonFeedReader.read(body, feedUrl, clock.instant());
    }
    SafeXml.Parsed parsed = SafeXml.parseWithWarnings(body, feedUrl);
    Document document = parsed.document();
    FeedShapes.normalise(document);
    List<Element> elements = itemElements(document.getRootElement());
    SyndFeed feed = withItemDatesHidden(elements, () -> syndFeed(document, feedUrl));

    String feedTitle = HtmlText.clean(feed.getTitle());
    String source = feedTitle.isEmpty() ? nameOf(feedUrl) : feedTitle;
    // RSS links are resolved against the channel link by custom; Atom's against the document (RFC 4287, xml:base).
    boolean atom = feed.getFeedType() != null && feed.getFeedType().startsWith("atom");
    String linkBase = atom ? feedUrl : Links.resolve(feedUrl, feed.getLink()).orElse(feedUrl);
    Instant readAt = clock.instant();

    List<SyndEntry> entries = feed.getEntries();
    boolean matched = elements.size() == entries.size();
    var items = new ArrayList<FeedItem>(entries.size());
    var errors = new ArrayList<String>(parsed.warnings());
    for (int i = 0; i < entries.size(); i++) {
      String where = "feed " + feedUrl + ", item " + (i + 1) + ": ";
      var context = new FeedContext(feedUrl, source, linkBase, readAt, note -> errors.add(where + "warning: " + note));
      try {
        items.add(mapper.map(entries.get(i), matched ? elements.get(i) : null, context));
      } catch (SkippedItem e) {
        errors.add(where + e.getMessage());
      } catch (RuntimeException e) {
        errors.add(where + "could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
      }
    }
    return new FeedParseResult(feedUrl, feedTitle.isEmpty() ? null : feedTitle, items, errors);
  }

  private static SyndFeed syndFeed(Document document, String feedUrl) throws FeedException {
    dropUnusedChannelHints(document.getRootElement());
    try {
      return new SyndFeedInput().build(document);
    } catch (com.rometools.rome.io.FeedException | RuntimeException e) {
      if (document.getRootElement().getName().equals("CHANNEL")) {
        throw new FeedException(SafeXml.where(feedUrl) + "root element <CHANNEL> is Microsoft's CDF (Channel Definition "
            + "Format), not RSS or Atom; CDF is not supported", e);
      }
      if (e instanceof IllegalArgumentException && ROME_NO_PARSER.equals(e.getMessage())) {
        throw new FeedException(SafeXml.where(feedUrl) + "root element <" + document.getRootElement().getQualifiedName()
            + "> is not RSS or Atom", e);
      }
      throw new FeedException(SafeXml.where(feedUrl) + "Rome could not read the feed (" + e.getClass().getSimpleName()
          + ": " + e.getMessage() + ")", e);
    }
  }

  /**
   * Rome reads these channel-level hints strictly and throws for the whole feed on junk such as
   * {@code <skipHours><hour>x</hour>} or {@code <cloud port="x"/>}; nothing downstream uses them.
   */
  private static void dropUnusedChannelHints(Element root) {
    Element channel = root.getChild("channel", root.getNamespace());
    if (channel == null) {
      channel = root.getChildren().stream().filter(e -> e.getName().equals("channel")).findFirst().orElse(null);
    }
    if (channel != null) {
      channel.getChildren().removeIf(e -> UNUSED_CHANNEL_HINTS.contains(e.getName()));
    }
  }

  private interface FeedBuild {
    SyndFeed build() throws FeedException;
  }

  /**
   * Runs Rome with the items' date elements detached, then puts them back for {@link EntryMapper}, which reads them.
   * Rome parses each date with fresh SimpleDateFormats, pattern after pattern: about 90% of its time on a large feed,
   * for a result that would be thrown away.
   */
  private static SyndFeed withItemDatesHidden(List<Element> items, FeedBuild rome) throws FeedException {
    record Detached(Element item, Element date) {}
    var detached = new ArrayList<Detached>();
    for (Element item : items) {
      for (Element child : List.copyOf(item.getChildren())) {
        if (EntryMapper.DATE_ELEMENTS.contains(child.getName())) {
          detached.add(new Detached(item, child.detach()));
        }
      }
    }
    try {
      return rome.build();
    } finally {
      detached.forEach(d -> d.item().addContent(d.date()));
    }
  }

  /** The XML elements of the entries, in the order Rome reads them: Atom entry, RSS 1.0 item, RSS 0.9x/2.0 item. */
  private static List<Element> itemElements(Element root) {
    return switch (root.getName()) {
      case "feed" -> root.getChildren("entry", root.getNamespace());
      case "RDF" -> root.getChildren().stream().filter(e -> e.getName().equals("item")).toList();
      case "rss" -> {
        Element channel = root.getChild("channel", root.getNamespace());
        yield channel == null ? List.of() : channel.getChildren("item", root.getNamespace());
      }
      default -> List.of();
    };
  }

  /** Outlet name when the feed has no title: the host of its URL, or the file name of a local path. */
  private static String nameOf(String feedUrl) {
    try {
      String host = new URI(feedUrl.strip()).getHost();
      if (host != null) {
        return host.toLowerCase(Locale.ROOT);
      }
    } catch (URISyntaxException e) {
      // a local path with characters URI rejects: fall through to the file name
    }
    String path = feedUrl.strip();
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
  }
}
