package com.capexalerts.cli;

import com.capexalerts.core.feed.FeedException;
import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.feed.FeedParseResult;
import com.capexalerts.core.feed.FeedReader;
import com.capexalerts.core.fetch.FetchResult;
import com.capexalerts.core.fetch.FetchSettings;
import com.capexalerts.core.fetch.StandardFeedFetcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = {
      "Reads one RSS or Atom feed (a file or an http(s) URL) and prints its items as the JSON Lines that"
          + " `detect` reads, so `capex-alerts feed x.xml | capex-alerts detect` works.",
      "Items that cannot be read are reported on stderr; the others are printed."
    })
final class FeedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE_OR_URL", arity = "1..*",
      description = "feed file paths or http(s) URLs; with several, an unreadable one is reported and the others read")
  List<String> locations;

  @Override
  public Integer call() throws IOException {
    if (locations.size() == 1) {
      return print(read(locations.getFirst()));
    }
    int unreadable = 0;
    for (String location : locations) {
      try {
        print(read(location));
      } catch (UnreadableInputException e) {
        unreadable++;
        spec.commandLine().getErr().println("capex-alerts feed: " + e.getMessage());
      }
    }
    spec.commandLine().getErr().flush();
    return unreadable == 0 ? 0 : CapexAlerts.EXIT_UNREADABLE;
  }

  private static FeedParseResult read(String location) {
    byte[] body = FeedSource.load(location);
    try {
      return new FeedReader().read(body, location);
    } catch (FeedException e) {
      throw new UnreadableInputException(e.getMessage(), e);
    } catch (RuntimeException e) {
      // A reader bug must not look like a feed problem, nor stop the other feeds.
      throw new UnreadableInputException("feed " + location + ": reader failed (" + e.getClass().getSimpleName()
          + ": " + e.getMessage() + ")", e);
    }
  }

  private Integer print(FeedParseResult result) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    for (FeedItem item : result.items()) {
      out.println(Json.MAPPER.writeValueAsString(Json.item(item)));
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (String e : result.itemErrors()) {
      err.println("capex-alerts feed: " + e);
    }
    return 0;
  }

  /** Fetches a feed body through the poller's fetcher (http(s) with its timeouts and size cap, files, file: URLs). */
  static final class FeedSource {
    private FeedSource() {}

    static byte[] load(String location) {
      FetchResult r = new StandardFeedFetcher(FetchSettings.defaults()).fetch(location, null, null);
      return switch (r) {
        case FetchResult.Fetched f -> f.body();
        case FetchResult.Failed f -> throw new UnreadableInputException("cannot read feed " + location + ": "
            + f.message(), null);
        case FetchResult.NotModified n -> throw new IllegalStateException("304 without validators from " + location);
      };
    }
  }
}
