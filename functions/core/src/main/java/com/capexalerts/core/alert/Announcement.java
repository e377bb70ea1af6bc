package com.capexalerts.core.alert;

import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored event: one company's new AI investment commitment, alerted once.
 *
 * @param key        the event key
 * @param company    canonical company name
 * @param kind       announcement, or update of an earlier event ({@code updates})
 * @param amount     amount as written in the first source
 * @param amountUsd  amount in USD
 * @param period     time span or null
 * @param evidence   the sentence that proves it
 * @param title      title of the first item
 * @param link       link of the first item
 * @param published  publication time of the first item (or detection time when the feed gives none)
 * @param detectedAt when the poller first saw it
 * @param sources    every item that carries it, first one first
 * @param updates    the earlier event this one raises, or null
 */
public record Announcement(
    EventKey key,
    String company,
    AnnouncementKind kind,
    MoneyAmount amount,
    BigDecimal amountUsd,
    String period,
    String evidence,
    String title,
    String link,
    Instant published,
    Instant detectedAt,
    List<Source> sources,
    EventKey updates) {
  public Announcement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(amountUsd, "amountUsd");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(detectedAt, "detectedAt");
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
