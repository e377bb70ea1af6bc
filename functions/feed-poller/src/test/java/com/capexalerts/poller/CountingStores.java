package com.capexalerts.poller;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.poll.SeenItemStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Decorators over the real stores that count writes and can fail on demand (to simulate crashes). */
final class CountingStores {
  private CountingStores() {}

  static final class Seen implements SeenItemStore {
    final AtomicInteger markSeenCalls = new AtomicInteger();
    /** markSeen calls left to fail; negative: never fail. */
    final AtomicInteger failNextMarks = new AtomicInteger();
    private final SeenItemStore real;

    Seen(SeenItemStore real) {
      this.real = real;
    }

    @Override
    public Set<String> alreadySeen(Collection<String> itemKeys) {
      return real.alreadySeen(itemKeys);
    }

    @Override
    public void markSeen(Collection<String> itemKeys, Instant expiresAt) {
      markSeenCalls.incrementAndGet();
      if (failNextMarks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("simulated crash before marking items seen");
      }
      real.markSeen(itemKeys, expiresAt);
    }
  }

  static final class Events implements AnnouncementStore {
    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger addSources = new AtomicInteger();
    final AtomicInteger failNextCreates = new AtomicInteger();
    private final AnnouncementStore real;

    Events(AnnouncementStore real) {
      this.real = real;
    }

    @Override
    public List<Announcement> recentForCompany(String company, Instant from, Instant to) {
      return real.recentForCompany(company, from, to);
    }

    @Override
    public boolean create(Announcement announcement) {
      creates.incrementAndGet();
      if (failNextCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("simulated store outage");
      }
      return real.create(announcement);
    }

    @Override
    public boolean addSource(EventKey key, Source source) {
      addSources.incrementAndGet();
      return real.addSource(key, source);
    }

    @Override
    public Optional<Announcement> get(EventKey key) {
      return real.get(key);
    }

    @Override
    public Claim claimNotification(EventKey key, String claimant, Instant now, Duration lease) {
      return real.claimNotification(key, claimant, now, lease);
    }

    @Override
    public void markPublished(EventKey key, String claimant, String messageId, Instant at) {
      real.markPublished(key, claimant, messageId, at);
    }

    @Override
    public void releaseClaim(EventKey key, String claimant) {
      real.releaseClaim(key, claimant);
    }
  }
}
