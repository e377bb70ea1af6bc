package com.capexalerts.core.detect.zh;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.company.CompanyMention;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.zh.ChineseLexicon.Cue;
import com.capexalerts.core.detect.zh.ChineseLexicon.Hit;
import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The detection rules for one Chinese item, in the stages of the English ones. Not thread-safe; one per item.
 *
 * <ol>
 *   <li><b>Money role</b>: a non-commitment noun right after the amount wins ("400億美元融資", "130亿元的营收");
 *       otherwise the nearest cue before it in its clause (投资, 投入, 斥资, 砸, 资本开支 ... against 营收, 净利润,
 *       市值, 股价, 罚款, 回购, 融资 ...), else an investment word right after it ("3800亿元投入", "…的算力采购合同"),
 *       else the nearest cue earlier in the sentence. Sums of several budgets (合计) are nobody's.
 *   <li><b>Spender</b>: "由X" after the amount; else the nearest watched company before it in its clause that is not
 *       an object (向/对/给/入股/收购/领投 X), with the companies coordinated with it (、和与及) — a deal or purchase
 *       is the first party's (the buyer) while partners of an investment commit together ("沙特将与谷歌合作投资"),
 *       "分别" pairs companies and amounts in order, money received is a round ("获得40亿美元投资") unless the
 *       investor is named before it ("获软银400亿美元投资"); else the subject of an
 *       earlier clause; else, for a clause without a subject ("未来三年将投入…") or with a pronoun (公司, 该集团,
 *       其), the item's focus company.
 *   <li><b>AI scope</b>: the sentence, the headline or a neighbouring sentence speaks of AI (AI, 人工智能, 算力,
 *       数据中心, 云, 芯片, 服务器, 基础设施, 资本开支 ...); an acquisition or a purchase only when its own
 *       sentence does.
 *   <li><b>Commitment</b>: analysts' figures (分析师, 高盛, 机构预计), reported period results in a clause that does
 *       not look ahead (当季资本支出为…, 上季, 同比, 已投入), spending of past years, denials and sellers' sides of a
 *       deal (客户, 供应) are dropped.
 *   <li><b>Kind</b>: an announcement when the spender is a subject of the item (named in the headline, else
 *       committing money in its first sentences) and nothing dates or frames the figure: earlier pledges (此前, 曾,
 *       去年, 原定, 年初宣布, a past month or year before it) unless the amount is an additional one (再, 额外, 追加),
 *       progress and reaffirmation (正推进, 重申, 累计, 已完成), comparisons (相比之下), the old figure of a raise
 *       (由3800亿元提高至4800亿元), a plan referred to as a noun ("阿里3800亿元投入中", "輝達千億美元投資OpenAI受關注");
 *       otherwise a mention. The headline decides what is news: after the lede, a figure matching none of the
 *       headline's figures is background (unless 此外/另外 or capex guidance); an additional amount (追加, 再) is the
 *       news and the total it brings the stake to (unless a raise, 提高至) a mention.
 * </ol>
 *
 * <p>Then, per company: figures that agree (within 2 %, a headline figure within 15 % of a body figure) are one
 * finding, a mention when any of its sentences dates it; a headline figure that the body drops is dropped; a
 * smaller announced figure beside a larger one in its sentence, or marked as part (其中, 包括, 首笔), is part of the
 * total. Evidence is a body sentence when there is one, quoted as written.
 */
final class ChineseAnalysis {
  /** Written right before a company: it is the object, not the spender. */
  private static final List<String> OBJECT_MARKERS =
      List.of("向", "對", "对", "给", "給", "入股", "收购", "收購", "领投", "領投", "从", "從", "超过", "超過", "高于",
          "高於", "为", "為", "投资", "投資", "注资", "注資", "押注", "支持", "落后", "落後",
          "采购", "採購", "购买", "購買", "租用");
  /**
   * Written right before a company: a partner. In a deal the first party is the buyer and the partner is not a
   * spender; in an investment ("沙特将与谷歌合作投资") partners commit together.
   */
  private static final List<String> PARTNER_MARKERS =
      List.of("已与", "已與", "将与", "將與", "正与", "正與", "也与", "也與", "曾与", "曾與", "还与", "還與", "并与", "並與",
          "同", "跟", "联手", "聯手", "携手", "攜手");
  private static final java.util.regex.Pattern PARTNER_GAP =
      java.util.regex.Pattern.compile("[已将將正也曾还還并並]?[与與同跟和]|联手|聯手|携手|攜手");
  private static final List<String> DEAL_MARKERS = concat(OBJECT_MARKERS, PARTNER_MARKERS);
  private static final String COORDINATION = "、和与與及";
  private static final List<String> SUPPLY =
      List.of("客户", "客戶", "供应", "供應", "提供", "出售", "销售给", "銷售給", "为其生产", "為其生產");
  private static final List<String> DENIALS = List.of("否认", "否認", "并无", "並無", "没有计划", "沒有計劃", "辟谣", "闢謠");
  private static final Set<String> RECEIVING = Set.of("获得", "獲得", "获", "獲", "获投", "獲投");
  /** AI words too broad to make an acquisition or a purchase about AI. */
  private static final Set<String> WEAK_AI = Set.of("云", "雲", "计算", "計算");

  private enum Role {
    NONE, DROP, INVEST, ACQUIRE, PURCHASE
  }

  private final ChineseDetector detector;
  private final String title;
  private final String text;
  private final Supplier<Company> publisher;
  private final ChineseKind kind;
  private List<ChineseSentence> sents;
  private Company focus;
  private Set<Company> subjects;
  /** The stages' decisions when the item is explained; null in ordinary detection. */
  private final ChineseTrace trace;
  /** The cue that decided the last money role, for the trace. */
  private Hit roleCue;
  /** The headline's figures that reached the kind stage: the story's news. */
  private final List<BigDecimal> headlineUsd = new ArrayList<>();

  ChineseAnalysis(ChineseDetector detector, String title, String text, int year, int month,
      Supplier<Company> publisher, ChineseTrace trace) {
    this.trace = trace;
    this.kind = new ChineseKind(year, month);
    this.detector = detector;
    this.title = title;
    this.text = text;
    this.publisher = publisher;
  }

  List<Finding> run() {
    if (!mayHaveMoney(title) && !mayHaveMoney(text)) {
      note("skipped", "no money amount in the item");
      return List.of(); // most items: no digit and no Chinese scale, so no amount to look at
    }
    List<ChineseText.Sentence> raw = ChineseText.sentences(title, text);
    sents = new ArrayList<>(raw.size());
    boolean anyMoney = false;
    boolean anyName = false;
    for (ChineseText.Sentence s : raw) {
      List<MoneySpan> money = inheritCurrency(detector.moneyParser().findChinese(s.text()));
      List<CompanyMention> names = detector.watchlist().find(s.text());
      anyMoney |= !money.isEmpty();
      anyName |= !names.isEmpty();
      List<Hit> hits = money.isEmpty() && !s.title() ? List.of() : detector.lexicon().scan(s.text());
      sents.add(new ChineseSentence(sents.size(), s, hits, names, money));
    }
    if (!anyMoney) {
      note("skipped", "no money amount in the item");
      return List.of();
    }
    Company own = publisher.get();
    if (!anyName && own == null) {
      note("skipped", "no watched company in the item");
      return List.of();
    }
    subjects = subjects(own);
    if (trace != null) {
      trace.item("subjects", subjects.isEmpty() ? "none" : names(subjects),
          "named in the headline (not as an object), else committing money in the first sentences");
    }
    List<ChineseCandidate> candidates = new ArrayList<>();
    List<BigDecimal> droppedInBody = new ArrayList<>();
    for (ChineseSentence s : sents) {
      for (int k = 0; k < s.money().size(); k++) {
        analyse(s, k, candidates, droppedInBody);
      }
    }
    return ChineseMerge.merge(candidates, droppedInBody, trace);
  }

  private void note(String outcome, String reason) {
    if (trace != null) {
      trace.item("item", outcome, reason);
    }
  }

  private void decide(String stage, String outcome, String reason) {
    if (trace != null) {
      trace.decide(stage, outcome, reason);
    }
  }

  private static String names(java.util.Collection<Company> companies) {
    return String.join(", ", companies.stream().map(Company::name).toList());
  }

  static String quote(Hit h) {
    return h == null ? "" : "by '" + h.term() + "'";
  }

  /**
   * "較9月預期多150億", "1000億美元　首期100億": a bare amount (no currency word, read as yuan) after an amount in
   * another currency in the same sentence is in that currency.
   */
  static List<MoneySpan> inheritCurrency(List<MoneySpan> money) {
    if (money.size() < 2) {
      return money;
    }
    List<MoneySpan> out = new ArrayList<>(money.size());
    String currency = null;
    for (MoneySpan m : money) {
      boolean bare = m.amount().currency().equals("CNY") && !m.yenSign() && BARE.matcher(m.amount().text()).matches();
      if (bare && currency != null && !currency.equals("CNY")) {
        m = m.withCurrency(currency);
      } else if (!bare) {
        currency = m.amount().currency();
      }
      out.add(m);
    }
    return out;
  }

  private static final Pattern BARE = Pattern.compile("[^元币幣¥￥A-Za-z]*[亿億万萬兆]");

  private static boolean mayHaveMoney(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９') || c == '亿' || c == '億' || c == '万' || c == '萬'
          || c == '兆') {
        return true;
      }
    }
    return false;
  }

  /** The headline's non-object companies; else the companies committing money in the first body sentences. */
  private Set<Company> subjects(Company own) {
    Set<Company> out = new LinkedHashSet<>();
    ChineseSentence head = sents.isEmpty() || !sents.get(0).title() ? null : sents.get(0);
    if (head != null) {
      for (CompanyMention m : head.names()) {
        if (!isObject(head, m, false)) {
          out.add(m.company());
        }
      }
    }
    if (out.isEmpty()) {
      int seen = 0;
      for (ChineseSentence s : sents) {
        if (s.title() || s.money().isEmpty()) {
          continue;
        }
        for (CompanyMention m : s.names()) {
          if (!isObject(s, m, false) && m.start() < s.money().get(0).start()) {
            out.add(m.company());
          }
        }
        if (++seen == 2) {
          break;
        }
      }
    }
    if (own != null) {
      out.add(own);
    }
    focus = out.isEmpty() ? null : out.iterator().next();
    if (focus == null) {
      for (ChineseSentence s : sents) {
        if (!s.names().isEmpty()) {
          focus = s.names().get(0).company();
          break;
        }
      }
    }
    return out;
  }

  private void analyse(ChineseSentence s, int k, List<ChineseCandidate> out, List<BigDecimal> droppedInBody) {
    MoneySpan m = s.money().get(k);
    String t = s.text();
    BigDecimal usd = usd(m);
    if (trace != null) {
      trace.amount(s, m);
    }
    if (usd == null || usd.compareTo(detector.minimumUsd()) < 0) {
      decide("role", "dropped", usd == null ? "no USD rate for its currency" : "below the minimum figure");
      return;
    }
    int cs = ChineseText.clauseStart(t, m.start());
    int ce = ChineseText.clauseEnd(t, m.end());
    // 1. Money role
    roleCue = null;
    Role role = role(s, m, cs, ce);
    if (role == Role.DROP) {
      decide("role", "dropped", quote(roleCue));
      dropped(s, usd, droppedInBody);
      return;
    }
    if (role == Role.NONE) {
      decide("role", "dropped", "no investment cue in its sentence");
      return;
    }
    Hit aggregate = s.first(cs, m.start(), Cue.AGGREGATE);
    if (aggregate != null) {
      decide("role", "dropped", "a sum of several budgets " + quote(aggregate));
      return;
    }
    decide("role", role.name().toLowerCase(java.util.Locale.ROOT), quote(roleCue));
    // 2. Spender
    List<Company> spenders = spenders(s, k, m, cs, role);
    if (spenders.isEmpty()) {
      decide("spender", "none", "no watched company spends it");
      return;
    }
    Hit pooled = pooled(s, m, cs, spenders);
    if (pooled != null) {
      decide("spender", "dropped", "several companies' budgets pooled " + quote(pooled));
      return;
    }
    decide("spender", names(spenders), "");
    // 3. AI scope
    if (!aiScope(s, m, role, spenders)) {
      decide("scope", "dropped", role == Role.NONE || role == Role.INVEST
          ? "no AI word in its sentence, the headline or a neighbouring sentence"
          : "a deal counts only when its own sentence is about AI");
      return;
    }
    decide("scope", "AI", "");
    // 4. Commitment
    if (role == Role.PURCHASE && SUPPLY.stream().anyMatch(t::contains)) {
      decide("commitment", "dropped", "the seller's side of a deal");
      return; // the seller's side of a deal: revenue (the buyer's side may be written elsewhere)
    }
    String noCommitment = noCommitment(s, m, cs, ce);
    if (noCommitment != null) {
      decide("commitment", "dropped", noCommitment);
      dropped(s, usd, droppedInBody);
      return;
    }
    decide("commitment", "kept", "");
    // 5. Kind
    boolean oldFigure = ChineseKind.oldFigure(t, m, cs, ce);
    String datedBy = oldFigure ? "the earlier figure of a raise" : kind.dated(s, m, cs);
    if (datedBy == null && ChineseKind.referenced(s, m, cs, ce)) {
      datedBy = "a plan referred to as a noun";
    }
    boolean part = s.last(cs, m.start(), Cue.PART) != null || ChineseKind.difference(t, m, cs);
    boolean additional = ChineseKind.additionalBetween(t, cs, m.start());
    if (datedBy == null && !part && !additional) {
      datedBy = background(s, m, usd, role);
    }
    boolean dated = datedBy != null;
    boolean raise = !oldFigure && ChineseKind.raise(s, m, cs);
    String period = ChinesePeriod.find(t, m.start(), m.end());
    if (s.title() && s.index() == 0 && role != Role.ACQUIRE) {
      subjects.addAll(spenders); // "後者承諾採購…": the headline's own spender is a subject
    }
    if (s.title()) {
      headlineUsd.add(usd);
    }
    for (Company c : spenders) {
      boolean announced = !dated && subjects.contains(c);
      if (trace != null) {
        decide("kind", announced ? "announcement" : "mention", (spenders.size() > 1 ? c.name() + ": " : "")
            + (dated ? datedBy : announced ? c.name() + " is a subject of the item" : c.name() + " is not a subject of the item"));
      }
      out.add(new ChineseCandidate(c, s, m, usd, announced, dated || !subjects.contains(c), raise, part, period));
    }
  }

  private static final Set<String> POOL_COUNTS = Set.of("四大", "五大", "三大", "六大", "七大", "几大", "幾大", "各大", "多家");

  /**
   * "微軟、谷歌、亞馬遜和Meta四大雲廠商今年…", "科技巨头们将投入…": a collective noun before the amount pools several
   * companies' budgets; "科技巨头微软" (one company so described) is its own.
   */
  private static Hit pooled(ChineseSentence s, MoneySpan m, int cs, List<Company> spenders) {
    Hit h = s.last(cs, m.start(), Cue.POOLED);
    if (h == null) {
      return null;
    }
    boolean counted = POOL_COUNTS.contains(h.term()) || h.term().endsWith("们") || h.term().endsWith("們");
    boolean named = s.names().stream().anyMatch(c -> c.end() <= h.start());
    return spenders.size() > 1 || counted || !named ? h : null;
  }

  /**
   * The headline decides: when it states a figure of its own, a figure after the lede that matches none of the
   * headline's is background (an older pledge, another deal) — unless its sentence reports further news (此外,
   * 另外) or is capital-spending guidance.
   */
  private String background(ChineseSentence s, MoneySpan m, BigDecimal usd, Role role) {
    if (s.title() || headlineUsd.isEmpty() || sents.isEmpty() || !sents.get(0).title() || s.index() < 2) {
      return null;
    }
    for (BigDecimal h : headlineUsd) {
      BigDecimal max = h.max(usd);
      if (h.subtract(usd).abs().compareTo(max.multiply(BigDecimal.valueOf(15, 2))) <= 0) {
        return null;
      }
    }
    String t = s.text();
    int open = skip(t, 0);
    for (String further : FURTHER_NEWS) {
      if (t.startsWith(further, open)) {
        return null;
      }
    }
    int cs = ChineseText.clauseStart(t, m.start());
    if (capexNoun(s, m, cs) && s.first(0, ChineseText.clauseEnd(t, m.end()), Cue.FUTURE) != null) {
      return null; // capital-spending guidance in a results story
    }
    return "background: after the lede, and the headline's news is another figure";
  }

  private static final List<String> FURTHER_NEWS = List.of("此外", "另外", "另一方面", "與此同時", "与此同时");

  private void dropped(ChineseSentence s, BigDecimal usd, List<BigDecimal> droppedInBody) {
    if (!s.title()) {
      droppedInBody.add(usd);
    }
  }

  private BigDecimal usd(MoneySpan m) {
    if (m.statedUsd() != null) {
      return m.statedUsd();
    }
    if (!detector.rates().supports(m.amount().currency())) {
      return null;
    }
    return detector.rates().toUsd(m.amount().value(), m.amount().currency());
  }

  // ---- 1. Money role ----

  private Role role(ChineseSentence s, MoneySpan m, int cs, int ce) {
    Hit dropAfter = s.first(m.end(), Math.min(ce, m.end() + 10), Cue.DROP, Cue.ROUND);
    if (dropAfter != null && dropAfter.start() - m.end() <= 8 && !between(s, m.end(), dropAfter.start())) {
      roleCue = dropAfter;
      return Role.DROP; // "400億美元融資", "180億美元的投資級債券"
    }
    Hit after = s.first(m.end(), Math.min(ce, m.end() + 12), Cue.INVEST, Cue.PURCHASE, Cue.ACQUIRE);
    Hit before = s.last(cs, m.start(), Cue.DROP, Cue.ROUND, Cue.INVEST, Cue.PURCHASE, Cue.ACQUIRE);
    if (before != null && RECEIVING.contains(before.term())
        && s.names().stream().anyMatch(c -> c.start() >= before.end() && c.end() <= m.start())) {
      roleCue = before;
      return Role.INVEST; // "获软银400亿美元投资": the investor is named, the money is its commitment
    }
    if (before != null) {
      roleCue = before;
      return roleOf(before);
    }
    if (after != null) {
      roleCue = after;
      return roleOf(after);
    }
    Hit earlier = s.last(0, cs, Cue.DROP, Cue.ROUND, Cue.INVEST, Cue.PURCHASE, Cue.ACQUIRE);
    roleCue = earlier;
    return earlier == null ? Role.NONE : roleOf(earlier);
  }

  /** Another amount between the amount and the cue: the cue is that one's. */
  private static boolean between(ChineseSentence s, int from, int to) {
    return s.money().stream().anyMatch(o -> o.start() >= from && o.start() < to);
  }

  private static Role roleOf(Hit h) {
    if (h.is(Cue.DROP) || h.is(Cue.ROUND)) {
      return Role.DROP;
    }
    if (h.is(Cue.ACQUIRE)) {
      return Role.ACQUIRE;
    }
    if (h.is(Cue.PURCHASE)) {
      return Role.PURCHASE;
    }
    return Role.INVEST;
  }

  // ---- 2. Spender ----

  private List<Company> spenders(ChineseSentence s, int k, MoneySpan m, int cs, Role role) {
    String t = s.text();
    // "300億美元由軟銀自行承擔"
    int by = skip(t, m.end());
    if (by < t.length() && (t.charAt(by) == '由') && by + 1 < t.length()) {
      for (CompanyMention c : s.names()) {
        if (c.start() == by + 1) {
          return List.of(c.company());
        }
      }
    }
    Hit latter = s.last(0, m.start(), Cue.PRONOUN);
    if (latter != null && (latter.term().equals("后者") || latter.term().equals("後者")
        || latter.term().equals("前者"))) {
      List<CompanyMention> before = s.names().stream().filter(c -> c.end() <= latter.start()).toList();
      if (!before.isEmpty()) {
        return List.of((latter.term().equals("前者") ? before.get(0) : before.get(before.size() - 1)).company());
      }
    }
    boolean deal = role == Role.PURCHASE || role == Role.ACQUIRE;
    List<CompanyMention> group = subjectGroup(s, cs, m.start(), deal);
    if (group.isEmpty()) {
      group = subjectGroup(s, 0, cs, deal);
    }
    if (!group.isEmpty()) {
      if (group.size() > 1 && s.last(0, m.start(), Cue.RESPECTIVELY) != null) {
        Hit resp = s.last(0, m.start(), Cue.RESPECTIVELY);
        int index = 0;
        for (MoneySpan o : s.money()) {
          if (o.start() > resp.start() && o.start() < m.start()) {
            index++;
          }
        }
        return index < group.size() ? List.of(group.get(index).company()) : List.of();
      }
      if (role == Role.PURCHASE && !group.get(0).company().aiLab()) {
        // "甲骨文與OpenAI簽署…算力合同": the AI lab buys the compute; the other party sells it.
        for (CompanyMention g : group) {
          if (g.company().aiLab()) {
            return List.of(g.company());
          }
        }
      }
      if (role == Role.PURCHASE || role == Role.ACQUIRE) {
        return List.of(group.get(0).company());
      }
      Set<Company> out = new LinkedHashSet<>();
      group.forEach(g -> out.add(g.company()));
      return List.copyOf(out);
    }
    if (focus == null || s.names().stream().anyMatch(c -> c.start() < m.start())) {
      return List.of();
    }
    if (t.substring(cs, m.start()).contains("由")) {
      return List.of(); // "由IDG资本领投1.5亿美元": an agent named, and not watched
    }
    // A clause without a subject of its own, or with a pronoun, is about the item's focus company.
    boolean pronoun = pronounSubject(s, cs, m.start()) || cs > 0 && pronounSubject(s, 0, ChineseText.clauseEnd(t, 0));
    int first = skip(t, cs);
    Hit opener = s.first(first, Math.min(m.start(), first + 4), Cue.FUTURE, Cue.INVEST, Cue.PURCHASE);
    boolean subjectless = opener != null || cs == 0 && s.hits().stream().anyMatch(h -> h.start() < 4
        && h.start() < m.start() && (h.is(Cue.FUTURE) || h.is(Cue.INVEST)));
    boolean atStart = first >= m.start() - 3;
    return pronoun || subjectless || atStart ? List.of(focus) : List.of();
  }

  /** "该公司", "其", or "公司" opening the clause (not "创业公司"). */
  private static boolean pronounSubject(ChineseSentence s, int from, int to) {
    String t = s.text();
    for (Hit h : s.hits()) {
      if (h.start() < from || h.end() > to || !h.is(Cue.PRONOUN)) {
        continue;
      }
      boolean bare = h.term().equals("公司") || h.term().equals("集团") || h.term().equals("集團");
      if (!bare || h.start() - skip(t, from) <= 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * The nearest non-object company before {@code to} in [from, to) with the companies coordinated with it
   * ("OpenAI、軟銀和甲骨文"), in text order.
   */
  private List<CompanyMention> subjectGroup(ChineseSentence s, int from, int to, boolean deal) {
    List<CompanyMention> names = new ArrayList<>();
    for (CompanyMention c : s.names()) {
      if (c.start() >= from && c.end() <= to && !isObject(s, c, deal)) {
        names.add(c);
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    // Later clauses first: the nearest clause with a subject.
    int last = names.size() - 1;
    List<CompanyMention> group = new ArrayList<>();
    group.add(names.get(last));
    String t = s.text();
    for (int i = last - 1; i >= 0; i--) {
      CompanyMention a = names.get(i);
      CompanyMention b = group.get(0);
      String gap = t.substring(a.end(), b.start()).strip();
      if ((gap.isEmpty() || gap.endsWith("（") || gap.endsWith("(")) && a.company().equals(b.company())) {
        group.set(0, a); // "亚马逊AWS", "微軟Azure", "亞馬遜雲端服務（AWS）": one name
      } else if (gap.length() == 1 && COORDINATION.indexOf(gap.charAt(0)) >= 0 || gap.equals("以及")
          || !deal && PARTNER_GAP.matcher(gap).matches()) {
        group.add(0, a);
      } else {
        break;
      }
    }
    return group;
  }

  private static boolean isObject(ChineseSentence s, CompanyMention c, boolean deal) {
    String t = s.text();
    int p = c.start();
    // A name right after another name of the same company shares its role ("向微軟Azure").
    for (CompanyMention o : s.names()) {
      if (o.end() == p && o.company().equals(c.company())) {
        return isObject(s, o, deal);
      }
    }
    for (int gap = 0; gap <= 10 && p - gap >= 0; gap++) {
      int e = p - gap;
      for (String marker : deal ? DEAL_MARKERS : OBJECT_MARKERS) {
        int ms = e - marker.length();
        if (ms >= 0 && t.startsWith(marker, ms) && !notAMarker(t, ms, marker)) {
          String filler = t.substring(e, p);
          if (filler.chars().noneMatch(ch -> ch == ',' || ch == '，' || ch == '、' || ch == ':' || ch == '：')
              && !filler.contains("将") && !filler.contains("將")) {
            return true;
          }
        }
      }
      if (e > 0 && ChineseText.isClauseBreak(t, e - 1)) {
        break;
      }
    }
    return false;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  /** "同时", "同比", "认为", "因为": the marker character inside another word. */
  private static boolean notAMarker(String t, int at, String marker) {
    char next = at + 1 < t.length() ? t.charAt(at + 1) : 0;
    char prev = at > 0 ? t.charAt(at - 1) : 0;
    return switch (marker) {
      case "同" -> "时時样樣比期一业業步".indexOf(next) >= 0 || prev == '共' || prev == '合' || prev == '不';
      case "为", "為" -> "认認因以行称稱".indexOf(prev) >= 0;
      case "对", "對" -> prev == '相';
      default -> false;
    };
  }

  static int skip(String t, int i) {
    while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '，' || t.charAt(i) == ',')) {
      i++;
    }
    return i;
  }

  // ---- 3. AI scope ----

  private boolean aiScope(ChineseSentence s, MoneySpan m, Role role, List<Company> spenders) {
    if (spenders.stream().anyMatch(Company::aiLab) || s.names().stream().anyMatch(c -> c.company().aiLab())) {
      return true;
    }
    if (role == Role.ACQUIRE || role == Role.PURCHASE) {
      // A deal must be about AI itself: "云安全公司" (cloud security) is not.
      return s.hits().stream().anyMatch(h -> h.is(Cue.AI) && !WEAK_AI.contains(h.term()));
    }
    if (s.has(Cue.AI)) {
      return true;
    }
    if (!sents.isEmpty() && sents.get(0).title() && hasAi(sents.get(0))) {
      return true;
    }
    int i = s.index();
    return i > 0 && hasAi(sents.get(i - 1)) || i + 1 < sents.size() && hasAi(sents.get(i + 1));
  }

  private boolean hasAi(ChineseSentence s) {
    if (!s.hits().isEmpty() || s.money().isEmpty() && s.title()) {
      return s.has(Cue.AI);
    }
    return detector.lexicon().scan(s.text()).stream().anyMatch(h -> h.is(Cue.AI));
  }

  // ---- 4. Commitment ----

  /** Why the amount is no commitment of its spender, or null when it is one. */
  private String noCommitment(ChineseSentence s, MoneySpan m, int cs, int ce) {
    String t = s.text();
    Hit analyst = s.first(0, m.start(), Cue.ANALYST);
    if (analyst != null) {
      return "an estimate " + quote(analyst);
    }
    Hit continued = continuedEstimate(s, m);
    if (continued != null) {
      return "an estimate: goes on with the previous sentence's forecast " + quote(continued);
    }
    if (DENIALS.stream().anyMatch(t::contains)) {
      return "denied";
    }
    boolean ahead = s.first(cs, ce, Cue.FUTURE) != null;
    if (!ahead && s.first(cs, ce, Cue.RESULTS) != null) {
      return "period results " + quote(s.first(cs, ce, Cue.RESULTS)); // "当季资本支出为130亿元"
    }
    if (!ahead && kind.pastYearBefore(t, cs, m.start())) {
      return "spending of a past year"; // "仍高于2024年的767亿元"
    }
    if (!ahead && s.first(0, m.start(), Cue.FUTURE) == null && !ChineseKind.raise(s, m, cs) && capexNoun(s, m, cs)) {
      return "capital spending reported, not planned"; // "全年资本支出约770亿元"
    }
    return null;
  }

  private static final Set<String> FORECASTS = Set.of("预计", "預計", "预期", "預期", "料将", "料將", "预料", "預料");

  /**
   * "浙商证券研报估计……；预计2025年将翻倍至1600亿元": a sentence opening with a forecast and naming no speaker
   * goes on with the previous sentence's source; when that is an analyst, the figure is an estimate.
   */
  private Hit continuedEstimate(ChineseSentence s, MoneySpan m) {
    if (s.title() || s.index() == 0 || s.names().stream().anyMatch(c -> c.start() < m.start())) {
      return null;
    }
    int open = skip(s.text(), 0);
    Hit forecast = s.first(open, Math.min(m.start(), open + 4), Cue.FUTURE);
    if (forecast == null || !FORECASTS.contains(forecast.term())) {
      return null;
    }
    ChineseSentence previous = sents.get(s.index() - 1);
    List<Hit> hits = previous.hits().isEmpty() ? detector.lexicon().scan(previous.text()) : previous.hits();
    for (Hit h : hits) {
      if (h.is(Cue.ANALYST)) {
        return h;
      }
    }
    return null;
  }

  private static final Set<String> CAPEX_NOUNS =
      Set.of("资本开支", "資本開支", "资本支出", "資本支出", "资本性支出", "資本性支出", "开支", "開支", "支出");

  private static boolean capexNoun(ChineseSentence s, MoneySpan m, int cs) {
    Hit h = s.last(cs, m.start(), Cue.INVEST, Cue.PURCHASE, Cue.ACQUIRE);
    return h != null && CAPEX_NOUNS.contains(h.term());
  }

}
