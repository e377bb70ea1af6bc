package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Which alerts a webhook wants. An empty set means "all".
 *
 * @param minUsd    smallest USD amount to send; null or zero sends every amount
 * @param companies canonical company names (compared ignoring case); empty = every company
 * @param kinds     announcement kinds; empty = every kind
 */
public record WebhookFilter(BigDecimal minUsd, Set<String> companies, Set<AnnouncementKind> kinds) {
  public WebhookFilter {
    if (minUsd != null && minUsd.signum() < 0) {
      throw new IllegalArgumentException("webhook filter min_usd must not be negative: " + minUsd);
    }
    companies = companies == null ? Set.of() : Set.copyOf(companies);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
  }

  public static WebhookFilter all() {
    return new WebhookFilter(null, Set.of(), Set.of());
  }

  public boolean matches(Announcement announcement) {
    if (minUsd != null && announcement.amountUsd().compareTo(minUsd) < 0) {
      return false;
    }
    if (!kinds.isEmpty() && !kinds.contains(announcement.kind())) {
      return false;
    }
    return companies.isEmpty()
        || companies.stream().anyMatch(c -> c.equalsIgnoreCase(announcement.company()));
  }
}
