package com.capexalerts.core.scale;

import com.capexalerts.core.fetch.FeedFetcher;
import com.capexalerts.core.fetch.FreshFor;

/** A conditional GET that also reports the server's Cache-Control max-age. */
@FunctionalInterface
public interface ConditionalFetcher {
  FreshFor fetch(String url, String etag, String lastModified);

  /** A plain fetcher: no max-age known. */
  static ConditionalFetcher of(FeedFetcher fetcher) {
    return (url, etag, lastModified) -> new FreshFor(fetcher.fetch(url, etag, lastModified), null);
  }
}
