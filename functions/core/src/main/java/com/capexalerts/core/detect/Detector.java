package com.capexalerts.core.detect;

import com.capexalerts.core.company.Watchlist;
import com.capexalerts.core.detect.zh.ChineseDetector;
import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.money.CurrencyRates;
import com.capexalerts.core.money.MoneyParser;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Finds watched companies' AI investment figures in a feed item. Deterministic and thread-safe.
 *
 * <p>Pipeline ({@link ItemAnalysis} runs the stages; each stage class carries its rules): a cheap pre-check drops items with no money amount or
 * no watched company; the title and each sentence of the text are tokenized with money amounts and company
 * names as single tokens; each amount is kept only when its nearest governing cue is an investment cue
 * (not revenue, valuation, buyback, fine, grant, fund-raise ...), the money is bound to a watched company that
 * spends it, and the sentence or its item is about AI. The finding is an {@link FindingKind#ANNOUNCEMENT} when
 * the company is a subject of the item (named in the headline, or reported committing money in the first
 * sentences of an item whose headline names no watched company), the figure is asserted in its own clause, and
 * nothing marks it as old (past reference, reaffirmation, running total) or as context (comparison, relative
 * clause, a known plan referred to); otherwise it is a {@link FindingKind#MENTION}. Repeats of the same
 * company's figure within the item are merged; parts of a stated total are not findings of their own.
 *
 * <p>Items written in Chinese (most of their words ideographs; mixed Chinese and English too) go through
 * {@link ChineseDetector} instead: the same stages with Chinese lexicons, giving the same findings.
 *
 * <p>Joint figures: when several watched companies commit one stated amount together ("OpenAI, SoftBank and
 * Oracle will invest $500 billion"), each gets a finding for the whole amount, since the item does not say
 * what each puts in; an aggregate of separate budgets ("a combined $300 billion") gives none.
 *
 * <p>{@link #explain(FeedItem)} gives the same findings with every stage's {@link Decision} about every amount.
 */
public final class Detector {
  /** Below this many US dollars a figure is not a big-tech AI commitment (default of {@link Builder}). */
  public static final BigDecimal DEFAULT_MINIMUM_USD = BigDecimal.valueOf(1_000_000L);

  private final Watchlist watchlist;
  private final CurrencyRates rates;
  private final BigDecimal minimumUsd;
  private final MoneyParser moneyParser = new MoneyParser();
  private final SentenceSplitter splitter = new SentenceSplitter();
  /** Chinese-language items (by their share of ideographs) go through the Chinese rules instead. */
  private final ChineseDetector chinese;

  private Detector(Builder b) {
    this.watchlist = b.watchlist;
    this.rates = b.rates;
    this.minimumUsd = b.minimumUsd;
    this.chinese = new ChineseDetector(watchlist, rates, minimumUsd, moneyParser);
  }

  /** A detector with the default watchlist and rate table. */
  public static Detector withDefaults() {
    return Defaults.INSTANCE;
  }

  /** Built once per JVM: loading the watchlist and rate table and compiling the lexicons is the costly part. */
  private static final class Defaults {
    static final Detector INSTANCE = builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Findings of one item, in text order. The item's publication year dates "in 2024" as past when earlier; an item
   * from a watched company's own newsroom (its link or outlet, see {@link Watchlist#publisher}) speaks for that
   * company, so its "we" and "our" are the company.
   */
  public List<Finding> detect(FeedItem item) {
    if (ChineseDetector.handles(item.title(), item.summary())) {
      return chinese.detect(
          item.title(), item.summary(), item.published(), () -> watchlist.publisher(item.link(), item.source()).orElse(null));
    }
    return analysis(item, null).run();
  }

  /** Findings of a title and text, in text order (title first). */
  public List<Finding> detect(String title, String text) {
    if (ChineseDetector.handles(title, text)) {
      return chinese.detect(title, text, null, () -> null);
    }
    return analysis(title, text, null).run();
  }

  /**
   * Why an item gives the findings it gives: each stage's decision about each money amount, with its reason, and
   * the findings ({@link #detect(FeedItem)} gives the same ones). Slower than detect; for people and tests.
   */
  public Explanation explain(FeedItem item) {
    if (ChineseDetector.handles(item.title(), item.summary())) {
      return chinese.explain(
          item.title(), item.summary(), item.published(), () -> watchlist.publisher(item.link(), item.source()).orElse(null));
    }
    Trace trace = new Trace();
    return trace.explanation(analysis(item, trace).run());
  }

  /** {@link #explain(FeedItem)} for a title and text. */
  public Explanation explain(String title, String text) {
    if (ChineseDetector.handles(title, text)) {
      return chinese.explain(title, text, null, () -> null);
    }
    Trace trace = new Trace();
    return trace.explanation(analysis(title, text, trace).run());
  }

  private ItemAnalysis analysis(FeedItem item, Trace trace) {
    int year = item.published() == null ? 0 : item.published().atZone(ZoneOffset.UTC).getYear();
    return new ItemAnalysis(
        this,
        item.title(),
        item.summary(),
        year,
        item.link(),
        item.source(),
        () -> watchlist.publisher(item.link(), item.source()).orElse(null),
        trace);
  }

  private ItemAnalysis analysis(String title, String text, Trace trace) {
    return new ItemAnalysis(
        this, title == null ? "" : title, text == null ? "" : text, 0, null, null, () -> null, trace);
  }

  /** The companies this detector watches (configuration checks name them). */
  public Watchlist watchlist() {
    return watchlist;
  }

  CurrencyRates rates() {
    return rates;
  }

  BigDecimal minimumUsd() {
    return minimumUsd;
  }

  MoneyParser moneyParser() {
    return moneyParser;
  }

  SentenceSplitter splitter() {
    return splitter;
  }

  /** Configures a detector; every setting has a default. */
  public static final class Builder {
    private Watchlist watchlist = Watchlist.defaults();
    private CurrencyRates rates = CurrencyRates.defaults();
    private BigDecimal minimumUsd = DEFAULT_MINIMUM_USD;

    private Builder() {}

    /** The companies to watch (default: {@link Watchlist#defaults()}). */
    public Builder watchlist(Watchlist watchlist) {
      this.watchlist = Objects.requireNonNull(watchlist, "watchlist");
      return this;
    }

    /** The USD rate table (default: {@link CurrencyRates#defaults()}). */
    public Builder rates(CurrencyRates rates) {
      this.rates = Objects.requireNonNull(rates, "rates");
      return this;
    }

    /** Figures below this many US dollars are ignored (default 1 million). */
    public Builder minimumUsd(BigDecimal minimumUsd) {
      Objects.requireNonNull(minimumUsd, "minimumUsd");
      if (minimumUsd.signum() < 0) {
        throw new IllegalArgumentException("minimumUsd must not be negative, was " + minimumUsd);
      }
      this.minimumUsd = minimumUsd;
      return this;
    }

    public Detector build() {
      return new Detector(this);
    }
  }
}
