package com.capexalerts.core.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored events as a history for readers (the HTTP API, the Atom feed): newest first, one page at a time. Read
 * only; the poller and notifier write through {@link AnnouncementStore}.
 */
public interface AnnouncementHistory {
  int DEFAULT_LIMIT = 20;
  int MAX_LIMIT = 100;

  /**
   * One page of events, newest first by publication time (to the second).
   *
   * @param company only this company's events (its canonical name, exactly as in the alerts), or null for all
   * @param since   only events published at or after this second, or null
   * @param minUsd  only events of at least this many US dollars, or null
   * @param limit   page size, 1 to {@link #MAX_LIMIT}
   * @param cursor  {@link Page#nextCursor()} of the previous page of the same query, or null for the first page
   * @throws InvalidCursorException when the cursor was not issued by this history for the same company
   */
  Page page(String company, Instant since, BigDecimal minUsd, int limit, String cursor);

  Optional<Announcement> get(EventKey key);

  /**
   * A page of the history.
   *
   * @param items      at most the asked limit, newest first. A filtered query may return fewer even though more
   *                   follow: each page reads a bounded number of stored events
   * @param nextCursor where the next page starts, or null when nothing follows
   * @param skipped    stored events that could not be read, as "key: reason" (the page goes on without them)
   */
  record Page(List<Announcement> items, String nextCursor, List<String> skipped) {
    public Page {
      items = List.copyOf(items);
      skipped = List.copyOf(skipped);
    }
  }

  /** Checks a page size; every implementation and caller uses the same bounds. */
  static int checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    return limit;
  }

  /** Null, or a non-negative amount. */
  static BigDecimal checkMinUsd(BigDecimal minUsd) {
    if (minUsd != null && minUsd.signum() < 0) {
      throw new IllegalArgumentException("min_usd must not be negative: " + minUsd);
    }
    return minUsd;
  }

  /** True when {@code a} passes the filters of a {@link #page} call (the company is matched by the index). */
  static boolean matches(Announcement a, Instant since, BigDecimal minUsd) {
    Objects.requireNonNull(a, "announcement");
    return (since == null || a.published().getEpochSecond() >= since.getEpochSecond())
        && (minUsd == null || a.amountUsd().compareTo(minUsd) >= 0);
  }
}
