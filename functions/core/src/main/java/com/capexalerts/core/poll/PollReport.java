package com.capexalerts.core.poll;

import com.capexalerts.core.alert.Announcement;
import java.time.Instant;
import java.util.List;

/**
 * Everything one poll did.
 *
 * @param startedAt    poll start
 * @param finishedAt   poll end
 * @param feeds        one report per feed, in the order given
 * @param newEvents    events created by this poll (each alerts once), in processing order
 * @param sourcesAdded further outlets added to existing events
 * @param itemErrors   items that could not be read or processed
 * @param decisions    the threshold and ledger decision of every finding of every new item, in processing order
 */
public record PollReport(
    Instant startedAt,
    Instant finishedAt,
    List<FeedReport> feeds,
    List<Announcement> newEvents,
    List<SourceAdded> sourcesAdded,
    List<ItemError> itemErrors,
    List<FindingOutcome> decisions) {
  public PollReport {
    decisions = List.copyOf(decisions);
    feeds = List.copyOf(feeds);
    newEvents = List.copyOf(newEvents);
    sourcesAdded = List.copyOf(sourcesAdded);
    itemErrors = List.copyOf(itemErrors);
  }

  public PollReport(Instant startedAt, Instant finishedAt, List<FeedReport> feeds, List<Announcement> newEvents,
      List<SourceAdded> sourcesAdded, List<ItemError> itemErrors) {
    this(startedAt, finishedAt, feeds, newEvents, sourcesAdded, itemErrors, List.of());
  }

  public long count(FeedStatus status) {
    return feeds.stream().filter(f -> f.status() == status).count();
  }

  public FeedReport feed(String url) {
    return feeds.stream().filter(f -> f.url().equals(url)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no feed " + url + " in this poll"));
  }
}
