package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.company.CompanyMention;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the stages of one item read and share: its sentences (the headline first, as a sentence of its own) with
 * their amounts and companies, the headline's subjects, the publisher, and the figures found to be no commitment.
 * Not thread-safe; one per item.
 */
final class ItemContext {
  final Detector detector;
  final String title;
  final String text;
  /** Publication year (0 when unknown): "in 2024" in an item of 2025 is past. */
  final int year;
  /** The item's link and outlet name (null when unknown): where a bare "$" may be a local dollar. */
  private final String link;
  private final String source;
  /** What a bare "$" was read as when it is no US dollar ({@link LocalDollar}), or null. */
  LocalDollar.Reading localDollar;
  /** Finds the item's publisher; asked only when the item has money in it (most items have none). */
  private final Supplier<Company> publisherLookup;
  /** The watched company whose own newsroom published the item, or null. */
  Company publisher;
  final List<Sent> sents = new ArrayList<>();
  /** Money amounts of the headline, with offsets in it. */
  List<MoneySpan> titleMoney = List.of();
  /** Watched companies the headline names as subjects (or the newsroom's company); see {@link Subjects}. */
  Set<Company> titleSubjects = Set.of();
  /** The headline names no watched subject and the item comes from a watched company's newsroom. */
  boolean newsroomSubject;
  /** Body figures found to be no commitment of a watched company (revenue, talks, estimates, results ...). */
  final List<BigDecimal> rejectedFigures = new ArrayList<>();
  /** Headline figures that a legal headline says are no commitment ("pay $1.5 billion to settle ..."). */
  final List<BigDecimal> titleDropped = new ArrayList<>();
  /** Buyers of compute or chip deals the headline or the lede reports (see {@link Buyer}). */
  final Set<Company> buyers = new java.util.LinkedHashSet<>();
  /** Start offsets, in the current sentence, of amounts found to be no commitment. */
  final Set<Integer> rejectedTokens = new HashSet<>();

  ItemContext(
      Detector detector, String title, String text, int year, String link, String source,
      Supplier<Company> publisherLookup) {
    this.detector = detector;
    this.title = title;
    this.text = text;
    this.year = year;
    this.link = link;
    this.source = source;
    this.publisherLookup = publisherLookup;
  }

  /**
   * Reads the item into sentences; returns null, or, cheaply, why there is nothing to detect: no money amount, or
   * no watched company (nor a watched publisher).
   */
  String read() {
    String yen = "JPY";
    titleMoney = detector.moneyParser().find(title, yen);
    List<MoneySpan> textMoney = detector.moneyParser().find(text, yen);
    if (titleMoney.isEmpty() && textMoney.isEmpty()) {
      return "no money amount in the item";
    }
    publisher = publisherLookup.get();
    List<CompanyMention> titleCos = detector.watchlist().find(title);
    List<CompanyMention> textCos = detector.watchlist().find(text);
    if (titleCos.isEmpty() && textCos.isEmpty() && publisher == null) {
      return "no watched company named, and not from a watched company's newsroom";
    }
    String yenDefault = yen;
    if (titleMoney.stream().anyMatch(MoneySpan::yenSign) || textMoney.stream().anyMatch(MoneySpan::yenSign)) {
      yenDefault = yenDefault(titleCos, textCos);
    }
    List<SentenceSplitter.Sentence> body = detector.splitter().split(text);
    localDollar = LocalDollar.read(
        title, body.isEmpty() ? "" : body.get(0).text(), text, link, source, List.of(titleMoney, textMoney));
    if (localDollar != null) {
      titleMoney = LocalDollar.apply(titleMoney, title, localDollar.currency());
      textMoney = LocalDollar.apply(textMoney, text, localDollar.currency());
    }
    if (!title.isBlank()) {
      sents.add(new Sent(0, true, title, shiftMoney(titleMoney, 0, title.length(), yenDefault), titleCos));
    }
    for (SentenceSplitter.Sentence s : body) {
      sents.add(
          new Sent(
              sents.size(),
              false,
              s.text(),
              shiftMoney(textMoney, s.start(), s.end(), yenDefault),
              shiftMentions(textCos, s.start(), s.end())));
    }
    return null;
  }

  /** Some word of the headline passes the test; false when the item has no headline. */
  boolean headlineHas(java.util.function.Predicate<Token> test) {
    return !sents.isEmpty() && sents.get(0).isTitle && has(sents.get(0), test);
  }

  /** A word of the sentence passes the test. */
  static boolean has(Sent s, java.util.function.Predicate<Token> test) {
    for (Token x : s.tokens()) {
      if (x.isWord() && test.test(x)) {
        return true;
      }
    }
    return false;
  }

  /** Remembers a body figure shown to be no commitment (see {@link FindingMerger#headlineFigureStands}). */
  void rejectFigure(Sent s, MoneySpan span) {
    BigDecimal usd = s.isTitle ? null : usd(span);
    if (usd != null) {
      rejectedFigures.add(usd);
    }
  }

  BigDecimal usd(MoneySpan money) {
    if (money.statedUsd() != null) {
      return money.statedUsd();
    }
    MoneyAmount a = money.amount();
    if (!detector.rates().supports(a.currency())) {
      return null; // a rate table without this currency: the figure cannot be weighed
    }
    return detector.rates().toUsd(a.value(), a.currency());
  }

  private static List<MoneySpan> shiftMoney(List<MoneySpan> spans, int start, int end, String yen) {
    List<MoneySpan> out = null;
    for (MoneySpan s : spans) {
      if (s.start() >= start && s.start() < end) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        MoneySpan shifted =
            start == 0 && s.end() <= end
                ? s
                : new MoneySpan(
                    s.amount(), s.start() - start, Math.min(s.end(), end) - start, s.statedUsd(), s.range(), s.yenSign());
        out.add(shifted.yenSign() ? shifted.withCurrency(yen) : shifted);
      }
    }
    return out == null ? List.of() : out;
  }

  private static List<CompanyMention> shiftMentions(List<CompanyMention> mentions, int start, int end) {
    List<CompanyMention> out = null;
    for (CompanyMention c : mentions) {
      if (c.start() >= start && c.end() <= end) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(new CompanyMention(c.company(), c.alias(), c.start() - start, c.end() - start, c.possessive()));
      }
    }
    return out == null ? List.of() : out;
  }

  /** What a bare ¥ means in this item: yuan when it is more about China than Japan, else yen. */
  private String yenDefault(List<CompanyMention> a, List<CompanyMention> b) {
    int china = 0;
    int japan = 0;
    for (List<CompanyMention> list : List.of(a, b)) {
      for (CompanyMention c : list) {
        if (c.company().country().equals("CN")) {
          china++;
        } else if (c.company().country().equals("JP")) {
          japan++;
        }
      }
    }
    String all = title + " " + text;
    for (String w : List.of("China", "Chinese", "Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Hong Kong", "yuan")) {
      china += count(all, w);
    }
    for (String w : List.of("Japan", "Japanese", "Tokyo", "Osaka", "yen")) {
      japan += count(all, w);
    }
    return china > japan ? "CNY" : "JPY";
  }

  private static int count(String s, String w) {
    int n = 0;
    for (int i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + w.length())) {
      n++;
    }
    return n;
  }
}
