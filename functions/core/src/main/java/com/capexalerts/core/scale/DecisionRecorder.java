package com.capexalerts.core.scale;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.feed.FeedParseResult;
import com.capexalerts.core.fetch.FetchResult;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedReport;
import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.FeedStateStore;
import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.FindingSource;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.poll.Poller;
import com.capexalerts.core.poll.SeenItemStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides the findings workers handed over, one company at a time, with the poller's own decision code: each
 * request becomes a one-body "feed" of a {@link Poller} whose fetcher, parser and finding source serve the request,
 * and whose event store is the real one. So event dedupe (and whatever rules it grows) lives in one place.
 *
 * <p>Safe to retry: the poller's writes are conditional (an event exists once per key, a source once per link), and
 * the recorder remembers nothing between calls.
 */
public final class DecisionRecorder {
  private final Supplier<Poller.Builder> pollers;
  private final FindingSource detector;

  /**
   * @param pollers  a poller builder with config, event store and clock set (everything but the feed side)
   * @param detector the same detector the workers run; only the findings about the request's company are used
   */
  public DecisionRecorder(Supplier<Poller.Builder> pollers, FindingSource detector) {
    this.pollers = Objects.requireNonNull(pollers, "pollers");
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /**
   * @param errors      per request in the order given: null when decided, else why not (retry it)
   * @param newEvents   events created
   * @param sourcesAdded sources added to known events
   */
  public record Outcome(List<String> errors, List<Announcement> newEvents, int sourcesAdded) {}

  /** Decides the requests; those of one company in the order given, in one poll so its own writes are seen. */
  public Outcome record(List<DecisionRequest> requests) {
    Map<String, List<Integer>> byCompany = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      byCompany.computeIfAbsent(requests.get(i).groupId(), k -> new ArrayList<>()).add(i);
    }
    String[] errors = new String[requests.size()];
    List<Announcement> events = new ArrayList<>();
    int sources = 0;
    for (Map.Entry<String, List<Integer>> group : byCompany.entrySet()) {
      Map<String, DecisionRequest> byUrl = new LinkedHashMap<>();
      Map<String, Integer> indexByUrl = new LinkedHashMap<>();
      for (int i : group.getValue()) {
        String url = requests.get(i).feedUrl() + "#decision-" + i;
        byUrl.put(url, requests.get(i));
        indexByUrl.put(url, i);
      }
      String company = group.getKey();
      Poller poller = pollers.get()
          .fetcher((url, etag, lastModified) -> new FetchResult.Fetched(new byte[0], null, null))
          .parser((body, url) -> new FeedParseResult(url, null, byUrl.get(url).items(), List.of()))
          .findings(item -> aboutCompany(detector.detect(item), company))
          .feedStates(new NoFeedStates())
          .seenItems(new NothingSeen())
          .build();
      List<Feed> feeds = byUrl.entrySet().stream()
          .map(e -> new Feed(e.getKey(), e.getValue().feedName())).toList();
      PollReport report;
      try {
        report = poller.poll(feeds);
      } catch (RuntimeException e) {
        group.getValue().forEach(i -> errors[i] = "decision failed: " + FeedWorker.describe(e));
        continue;
      }
      Set<String> failedUrls = new HashSet<>();
      report.itemErrors().forEach(e -> failedUrls.add(e.feedUrl()));
      for (FeedReport f : report.feeds()) {
        int i = indexByUrl.get(f.url());
        if (f.status() != FeedStatus.FETCHED || f.error() != null || failedUrls.contains(f.url())) {
          errors[i] = f.error() != null ? f.error() : "storing events failed for an item; see the item errors";
        }
      }
      events.addAll(report.newEvents());
      sources += report.sourcesAdded().size();
    }
    return new Outcome(java.util.Arrays.asList(errors), events, sources);
  }

  private static List<Finding> aboutCompany(List<Finding> findings, String company) {
    return findings.stream().filter(f -> DecisionRequest.companyKey(f.company()).equals(company)).toList();
  }

  /** The recorder keeps no feed state: workers own it. */
  private static final class NoFeedStates implements FeedStateStore {
    @Override
    public FeedState load(String feedUrl) {
      return FeedState.fresh(feedUrl);
    }

    @Override
    public void save(FeedState state) {}

    @Override
    public List<FeedState> all() {
      return List.of();
    }

    @Override
    public boolean delete(String feedUrl) {
      return false;
    }

    @Override
    public boolean claimSeeding() {
      return false; // the scheduler's feed list is seeded by the feeds table, never here
    }
  }

  /** Workers already dropped seen items; a retried request is made harmless by the conditional writes. */
  private static final class NothingSeen implements SeenItemStore {
    @Override
    public Set<String> alreadySeen(Collection<String> itemKeys) {
      return Set.of();
    }

    @Override
    public void markSeen(Collection<String> itemKeys, Instant expiresAt) {}
  }
}
