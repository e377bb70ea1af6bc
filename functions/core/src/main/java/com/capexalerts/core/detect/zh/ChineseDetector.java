package com.capexalerts.core.detect.zh;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.company.Watchlist;
import com.capexalerts.core.detect.Explanation;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.money.CurrencyRates;
import com.capexalerts.core.money.MoneyParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The detector for Chinese-language items (and mixed ones, Chinese with English names and amounts): the same
 * findings as the English rules, from Chinese text. See {@link ChineseAnalysis} for the stages. Thread-safe.
 */
public final class ChineseDetector {
  private final Watchlist watchlist;
  private final CurrencyRates rates;
  private final BigDecimal minimumUsd;
  private final MoneyParser moneyParser;
  private final ChineseLexicon lexicon = ChineseLexicon.defaults();

  public ChineseDetector(Watchlist watchlist, CurrencyRates rates, BigDecimal minimumUsd, MoneyParser moneyParser) {
    this.watchlist = Objects.requireNonNull(watchlist, "watchlist");
    this.rates = Objects.requireNonNull(rates, "rates");
    this.minimumUsd = Objects.requireNonNull(minimumUsd, "minimumUsd");
    this.moneyParser = Objects.requireNonNull(moneyParser, "moneyParser");
  }

  /** True when the item should go through the Chinese rules (see {@link ChineseText#isChinese}). */
  public static boolean handles(String title, String text) {
    return ChineseText.isChinese(title, text);
  }

  /**
   * Findings of one Chinese item, in text order.
   *
   * @param published when it was published, or null; dates "去年", "9月宣布" and "2024年的" as past
   * @param publisher the watched company publishing it (its own newsroom), asked for lazily; may give null
   */
  public List<Finding> detect(String title, String text, Instant published, Supplier<Company> publisher) {
    return analysis(title, text, published, publisher, null).run();
  }

  /**
   * Why a Chinese item gives the findings it gives: each stage's decision about each amount, in the same form as
   * the English rules' explanation; the findings are those of {@link #detect}.
   */
  public Explanation explain(String title, String text, Instant published, Supplier<Company> publisher) {
    ChineseTrace trace = new ChineseTrace();
    return trace.explanation(analysis(title, text, published, publisher, trace).run());
  }

  private ChineseAnalysis analysis(String title, String text, Instant published, Supplier<Company> publisher,
      ChineseTrace trace) {
    int year = 0;
    int month = 0;
    if (published != null) {
      ZonedDateTime t = published.atZone(ZoneOffset.UTC);
      year = t.getYear();
      month = t.getMonthValue();
    }
    return new ChineseAnalysis(this, title == null ? "" : title, text == null ? "" : text, year, month, publisher,
        trace);
  }

  Watchlist watchlist() {
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

  ChineseLexicon lexicon() {
    return lexicon;
  }
}
