package com.capexalerts.cli;

import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedCatalog;
import com.capexalerts.core.poll.FeedList;
import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.Opml;
import com.capexalerts.poller.PollerSettings;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    description = {
      "Manages the feed list the poller polls (the feeds table): seeded once from FEEDS or the bundled list, then"
          + " changed at runtime. The embedded state by default; --endpoint URL or --aws for the DynamoDB table.",
      "A feed is named by its URL or its id (FEEDS LIST shows both)."
    },
    subcommands = {FeedsCommand.ListFeeds.class, FeedsCommand.Add.class, FeedsCommand.Remove.class,
      FeedsCommand.Enable.class, FeedsCommand.Disable.class, FeedsCommand.Reset.class, FeedsCommand.Import.class,
      FeedsCommand.Export.class})
final class FeedsCommand implements Callable<Integer> {
  /** Exit code when the named feed is not in the list. */
  static final int EXIT_NO_SUCH_FEED = 4;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Base of the subcommands: the store, a catalog on it seeded as the poller would seed it. */
  abstract static class Sub implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FeedStoreOptions store;

    FeedCatalog catalog() {
      Map<String, String> env = System.getenv();
      FeedCatalog catalog = new FeedCatalog(store.open(env), store.embedded(env));
      // Seeds the list on first use exactly as a poll would, so a first `feeds add` does not hide the defaults.
      catalog.active(seed(env));
      return catalog;
    }

    private static List<Feed> seed(Map<String, String> env) {
      return env.get("FEEDS") != null && !env.get("FEEDS").isBlank() ? FeedList.parse(env.get("FEEDS"))
          : PollerSettings.bundledFeeds();
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    int noSuchFeed(String feed) {
      err().println("capex-alerts feeds: no feed " + feed + " in the list (see feeds list)");
      return EXIT_NO_SUCH_FEED;
    }

    void print(FeedState s) {
      out().printf("%s  %-8s %s%s%n", FeedCatalog.id(s.feedUrl()), s.enabled() ? "enabled" : "disabled",
          s.feedUrl(), s.name() == null ? "" : "  (" + s.name() + ")");
      out().flush();
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "the listed feeds: id, enabled, url, name")
  static final class ListFeeds extends Sub {
    @Option(names = "--json", description = "one JSON object {\"feeds\": [...]} with each feed's health")
    boolean json;

    @Override
    public Integer call() throws IOException {
      List<FeedState> feeds = catalog().listed();
      if (json) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode items = root.putArray("feeds");
        Instant now = Instant.now();
        feeds.forEach(s -> items.add(FeedViews.json(s, now)));
        out().println(Json.MAPPER.writeValueAsString(root));
        out().flush();
      } else {
        feeds.forEach(this::print);
      }
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "lists a feed (http(s) URL, or a file"
      + " in the embedded state)")
  static final class Add extends Sub {
    @Parameters(index = "0", paramLabel = "URL") String url;
    @Option(names = "--name", paramLabel = "NAME", description = "a short name, used as outlet when items name none")
    String name;

    @Override
    public Integer call() {
      try {
        print(catalog().add(url, name));
        return 0;
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "feeds add " + url + ": " + e.getMessage());
      } catch (IllegalStateException e) {
        err().println("capex-alerts feeds add: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "takes a feed off the list")
  static final class Remove extends Sub {
    @Parameters(index = "0", paramLabel = "URL_OR_ID") String feed;

    @Override
    public Integer call() {
      if (!catalog().remove(feed)) {
        return noSuchFeed(feed);
      }
      out().println("removed " + feed);
      out().flush();
      return 0;
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "polls a disabled feed again")
  static final class Enable extends Sub {
    @Parameters(index = "0", paramLabel = "URL_OR_ID") String feed;

    @Override
    public Integer call() {
      return catalog().update(feed, true, null).map(s -> {
        print(s);
        return 0;
      }).orElseGet(() -> noSuchFeed(feed));
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "keeps a feed listed but stops polling it")
  static final class Disable extends Sub {
    @Parameters(index = "0", paramLabel = "URL_OR_ID") String feed;

    @Override
    public Integer call() {
      return catalog().update(feed, false, null).map(s -> {
        print(s);
        return 0;
      }).orElseGet(() -> noSuchFeed(feed));
    }
  }

  @Command(name = "reset", mixinStandardHelpOptions = true,
      description = "clears a feed's backoff and validators: the next run fetches it whole")
  static final class Reset extends Sub {
    @Parameters(index = "0", paramLabel = "URL_OR_ID") String feed;

    @Override
    public Integer call() {
      return catalog().reset(feed).map(s -> {
        print(s);
        return 0;
      }).orElseGet(() -> noSuchFeed(feed));
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "adds the feeds of a file: OPML, a JSON list [{\"url\",\"name\"}], or one URL a line")
  static final class Import extends Sub {
    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Override
    public Integer call() {
      List<Feed> feeds;
      try {
        feeds = FeedList.parse(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UnreadableInputException("cannot read " + file + ": " + DetectCommand.describe(e), e);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "feeds import " + file + ": " + e.getMessage());
      }
      List<String> problems = new ArrayList<>();
      List<FeedState> added = catalog().addAll(feeds, problems);
      added.forEach(this::print);
      problems.forEach(p -> err().println("  refused: " + p));
      err().printf("capex-alerts feeds import: %d added, %d listed already, %d refused%n", added.size(),
          feeds.size() - added.size() - problems.size(), problems.size());
      err().flush();
      return problems.isEmpty() ? 0 : CapexAlerts.EXIT_BAD_LINES;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "prints the feed list as OPML 2.0")
  static final class Export extends Sub {
    @Override
    public Integer call() {
      out().print(Opml.write(catalog().listed(), Instant.now()));
      out().flush();
      return 0;
    }
  }
}
