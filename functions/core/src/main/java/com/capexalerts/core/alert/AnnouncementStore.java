package com.capexalerts.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored events. Every write is conditional so that retries, re-polls and concurrent writers never create an event
 * twice or lose a source.
 */
public interface AnnouncementStore {
  /** Sources kept per event; later outlets are not added, which bounds the stored item (DynamoDB: 400 KB). */
  int MAX_SOURCES = 100;

  /** Events of {@code company} whose {@code published} lies in [from, to], any order. */
  List<Announcement> recentForCompany(String company, Instant from, Instant to);

  /** Creates the event unless its key exists. Returns false when it already existed (nothing is changed then). */
  boolean create(Announcement announcement);

  /**
   * Adds a source to an existing event unless a source with the same link is there or the event has
   * {@link #MAX_SOURCES} already. Returns true when added.
   */
  boolean addSource(EventKey key, Source source);

  Optional<Announcement> get(EventKey key);

  /** Outcome of {@link #claimNotification}. */
  enum Claim {
    /** This caller may publish now. */
    CLAIMED,
    /** Published before: do nothing. */
    ALREADY_PUBLISHED,
    /** Another caller holds an unexpired claim: retry later. */
    HELD_BY_OTHER,
    /** No such event. */
    MISSING
  }

  /**
   * Takes the right to publish the event's alert: succeeds when it was never published and no other claimant holds a
   * claim younger than {@code lease} (a crashed claimant's claim expires, so a failure never drops an alert).
   */
  Claim claimNotification(EventKey key, String claimant, Instant now, Duration lease);

  /** Records the publish (message id, time) if {@code claimant} still holds the claim. */
  void markPublished(EventKey key, String claimant, String messageId, Instant at);

  /** Gives the claim back after a failed publish so a retry can take it at once. */
  void releaseClaim(EventKey key, String claimant);
}
