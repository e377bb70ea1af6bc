package com.capexalerts.core.poll;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The feed list, kept in the feeds table: seeded once (from the {@code FeedList} parameter or the bundled list), then
 * managed at runtime (add, rename, enable, disable, remove, reset). The poller polls the listed, enabled feeds.
 */
public final class FeedCatalog {
  /** Longest feed name accepted. */
  public static final int MAX_NAME = 200;
  /** Longest feed URL accepted. */
  public static final int MAX_URL = 2048;

  private final FeedStateStore store;
  private final boolean allowFiles;

  /**
   * @param allowFiles whether local files may be listed (the CLI's embedded state); the cloud lists http(s) only
   */
  public FeedCatalog(FeedStateStore store, boolean allowFiles) {
    this.store = Objects.requireNonNull(store, "store");
    this.allowFiles = allowFiles;
  }

  /** The feeds to poll: listed and enabled, in URL order. Seeds the list with {@code seed} the first time. */
  public List<Feed> active(List<Feed> seed) {
    if (store.claimSeeding()) {
      for (Feed f : seed) {
        FeedState s = store.load(f.url());
        if (!s.listed()) {
          // A feed polled before the list was kept (its state exists): listed now, its state kept.
          store.save(s.withListing(f.name(), true, true));
        }
      }
    }
    return listed().stream().filter(FeedState::enabled).map(FeedCatalog::feed).toList();
  }

  /** Every listed feed, enabled or not, in URL order. */
  public List<FeedState> listed() {
    return store.all().stream().filter(FeedState::listed).toList();
  }

  /** A listed feed by its id ({@link #id}) or its URL. */
  public Optional<FeedState> find(String idOrUrl) {
    if (idOrUrl == null || idOrUrl.isBlank()) {
      return Optional.empty();
    }
    String key = idOrUrl.strip();
    if (!key.contains("/") && !key.contains("\\")) {
      return listed().stream().filter(s -> id(s.feedUrl()).equals(key.toLowerCase(Locale.ROOT))).findFirst();
    }
    FeedState s = store.load(key);
    return s.listed() ? Optional.of(s) : Optional.empty();
  }

  /**
   * Lists a new feed.
   *
   * @throws IllegalArgumentException the URL or name is not acceptable (the message says why)
   * @throws IllegalStateException    the feed is listed already
   */
  public FeedState add(String url, String name) {
    Feed feed = new Feed(checkedUrl(url), checkedName(name));
    FeedState existing = store.load(feed.url());
    if (existing.listed()) {
      throw new IllegalStateException("feed " + feed.url() + " is listed already (id " + id(feed.url()) + ")");
    }
    FeedState added = existing.withListing(feed.name(), true, true);
    store.save(added);
    return added;
  }

  /** Adds each feed not listed yet; returns the ones added. Bad entries stop nothing: they are in {@code problems}. */
  public List<FeedState> addAll(List<Feed> feeds, List<String> problems) {
    List<FeedState> added = new ArrayList<>();
    for (Feed f : feeds) {
      try {
        added.add(add(f.url(), f.name()));
      } catch (IllegalStateException listedAlready) {
        // importing a list twice adds nothing the second time
      } catch (IllegalArgumentException e) {
        problems.add(f.url() + ": " + e.getMessage());
      }
    }
    return added;
  }

  /** Enables or disables and/or renames a listed feed; empty when there is none such. */
  public Optional<FeedState> update(String idOrUrl, Boolean enabled, String name) {
    String checked = name == null ? null : checkedName(name);
    return find(idOrUrl).map(s -> {
      FeedState updated = s.withListing(checked != null ? checked : s.name(), true,
          enabled != null ? enabled : s.enabled());
      store.save(updated);
      return updated;
    });
  }

  /** Takes a feed off the list and forgets its state; false when it was not listed. */
  public boolean remove(String idOrUrl) {
    return find(idOrUrl).map(s -> store.delete(s.feedUrl())).orElse(false);
  }

  /** Clears a listed feed's backoff and validators: the next poll fetches it whole. */
  public Optional<FeedState> reset(String idOrUrl) {
    return find(idOrUrl).map(s -> {
      FeedState reset = s.reset();
      store.save(reset);
      return reset;
    });
  }

  /** A short URL-safe id of a feed: the first 16 hex digits of the SHA-256 of its URL. */
  public static String id(String feedUrl) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(feedUrl.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static Feed feed(FeedState s) {
    return new Feed(s.feedUrl(), s.name());
  }

  private String checkedUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a feed needs a url");
    }
    String u = url.strip();
    if (u.length() > MAX_URL) {
      throw new IllegalArgumentException("url longer than " + MAX_URL + " characters");
    }
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        URI uri = new URI(u);
        if (uri.getHost() == null || uri.getHost().isBlank()) {
          throw new IllegalArgumentException("not a valid URL (no host): " + u);
        }
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("not a valid URL: " + e.getMessage());
      }
      return u;
    }
    if (allowFiles && !lower.contains("://")) {
      return u;
    }
    if (allowFiles && lower.startsWith("file:")) {
      return u;
    }
    throw new IllegalArgumentException("expected an http:// or https:// URL" + (allowFiles ? " or a file" : "")
        + ", got '" + u + "'");
  }

  private static String checkedName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.strip();
    if (n.length() > MAX_NAME) {
      throw new IllegalArgumentException("name longer than " + MAX_NAME + " characters");
    }
    if (n.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name has control characters");
    }
    return n;
  }
}
