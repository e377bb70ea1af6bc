package com.capexalerts.core.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import org.jdom2.Element;

/** Turns one parsed entry into a FeedItem. A separate step so that one bad item never costs the rest of the feed. */
@FunctionalInterface
interface ItemMapper {
  /**
   * @param entry   the entry as Rome read it
   * @param element the entry's own XML element (for GUID, raw dates and xml:base), or null when it cannot be matched
   * @param feed    what the item needs from its feed
   * @throws SkippedItem when the entry has nothing worth keeping; the message says why
   */
  FeedItem map(SyndEntry entry, Element element, FeedContext feed) throws SkippedItem;

  /**
   * @param feedUrl  the feed's URL or path, for messages and as the last base for links
   * @param source   the outlet name given to every item
   * @param linkBase base for relative links before any xml:base: the feed link for RSS, the feed URL for Atom
   * @param readAt   when the feed was read (fetch time): the date of an item whose own date is implausible
   * @param warnings takes a note about the item that is kept nonetheless (e.g. its date was replaced)
   */
  record FeedContext(String feedUrl, String source, String linkBase, java.time.Instant readAt,
      java.util.function.Consumer<String> warnings) {}

  /** An entry that is dropped for a stated reason (e.g. it has no title, link or description). */
  final class SkippedItem extends Exception {
    SkippedItem(String reason) {
      super(reason);
    }
  }
}
