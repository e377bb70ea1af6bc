package com.capexalerts.core.scale;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds concurrent fetches overall and per origin (scheme, host and port), so that many feeds at once never means
 * many requests at once to one site.
 */
public final class OriginLimits {
  private final int perOrigin;
  private final Semaphore overall;
  private final ConcurrentHashMap<String, Semaphore> origins = new ConcurrentHashMap<>();

  public OriginLimits(int overall, int perOrigin) {
    if (overall < 1 || perOrigin < 1) {
      throw new IllegalArgumentException("fetch limits must be at least 1, were overall " + overall
          + ", per origin " + perOrigin);
    }
    this.perOrigin = perOrigin;
    this.overall = new Semaphore(overall, true);
  }

  /** Runs the fetch holding a permit of its origin first (so a busy site never holds overall permits idle). */
  public <T> T withPermit(String url, java.util.function.Supplier<T> fetch) throws InterruptedException {
    Semaphore origin = origins.computeIfAbsent(origin(url), k -> new Semaphore(perOrigin, true));
    origin.acquire();
    try {
      overall.acquire();
      try {
        return fetch.get();
      } finally {
        overall.release();
      }
    } finally {
      origin.release();
    }
  }

  static String origin(String url) {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getHost() != null) {
        return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
      }
    } catch (IllegalArgumentException notAUri) {
      // a file path: all local files share one origin
    }
    return "file";
  }
}
