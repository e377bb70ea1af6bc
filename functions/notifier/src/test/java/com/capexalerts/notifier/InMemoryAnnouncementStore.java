package com.capexalerts.notifier;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AnnouncementStore port in memory, with the claim rules the port documents: a claim is taken when the event was
 * never published and no OTHER claimant holds one younger than the lease; the holder may take its own claim again.
 * Methods are non-final so a test can make one of them fail.
 */
class InMemoryAnnouncementStore implements AnnouncementStore {
  /** The notification columns of one stored event. */
  record Notification(String claimant, Instant claimedAt, String messageId, Instant notifiedAt) {}

  private final Map<EventKey, Announcement> events = new HashMap<>();
  private final Map<EventKey, Notification> notifications = new HashMap<>();

  @Override
  public synchronized List<Announcement> recentForCompany(String company, Instant from, Instant to) {
    return events.values().stream()
        .filter(a -> a.company().equals(company) && !a.published().isBefore(from) && !a.published().isAfter(to))
        .toList();
  }

  @Override
  public synchronized boolean create(Announcement announcement) {
    if (events.containsKey(announcement.key())) {
      return false;
    }
    events.put(announcement.key(), announcement);
    notifications.put(announcement.key(), new Notification(null, null, null, null));
    return true;
  }

  @Override
  public synchronized boolean addSource(EventKey key, Source source) {
    Announcement a = events.get(key);
    if (a == null || a.sources().stream().anyMatch(s -> s.link().equals(source.link()))) {
      return false;
    }
    List<Source> sources = new ArrayList<>(a.sources());
    sources.add(source);
    events.put(key, new Announcement(a.key(), a.company(), a.kind(), a.amount(), a.amountUsd(), a.period(),
        a.evidence(), a.title(), a.link(), a.published(), a.detectedAt(), sources, a.updates()));
    return true;
  }

  @Override
  public synchronized Optional<Announcement> get(EventKey key) {
    return Optional.ofNullable(events.get(key));
  }

  @Override
  public synchronized Claim claimNotification(EventKey key, String claimant, Instant now, Duration lease) {
    Notification n = notifications.get(key);
    if (n == null) {
      return Claim.MISSING;
    }
    if (n.notifiedAt() != null) {
      return Claim.ALREADY_PUBLISHED;
    }
    boolean heldByOther = n.claimant() != null && !n.claimant().equals(claimant)
        && n.claimedAt().plus(lease).isAfter(now);
    if (heldByOther) {
      return Claim.HELD_BY_OTHER;
    }
    notifications.put(key, new Notification(claimant, now, null, null));
    return Claim.CLAIMED;
  }

  @Override
  public synchronized void markPublished(EventKey key, String claimant, String messageId, Instant at) {
    Notification n = notifications.get(key);
    if (n != null && claimant.equals(n.claimant())) {
      notifications.put(key, new Notification(claimant, n.claimedAt(), messageId, at));
    }
  }

  @Override
  public synchronized void releaseClaim(EventKey key, String claimant) {
    Notification n = notifications.get(key);
    if (n != null && n.notifiedAt() == null && claimant.equals(n.claimant())) {
      notifications.put(key, new Notification(null, null, null, null));
    }
  }

  synchronized Notification notification(EventKey key) {
    return notifications.get(key);
  }
}
