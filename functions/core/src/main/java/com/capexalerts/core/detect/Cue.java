package com.capexalerts.core.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cue words the detector reasons with, as bit flags on tokens. Each phrase gets the flags of its lines; at
 * each token only the longest phrase that matches counts, and the tokens it covers get no flags of their own
 * ("buy back" is a buyback, not a purchase; "government spending" is not company spending).
 *
 * <p>Phrase syntax: words separated by spaces; {@code *} is any one word; {@code <month>} a month name written
 * with a capital; {@code <year>} a four-digit year. A line with the flag NONE only shields its phrase.
 */
final class Cue {
  private Cue() {}

  /** Money put into something: invest, spend, capex, pledge, build, stake, data center ... */
  static final int INVEST = 1 << 0;
  /** Buying a business or goods: counts as investment only when the sentence itself is about AI. */
  static final int ACQUIRE = 1 << 1;
  /** Money that is not a commitment (revenue, valuation, fine, buyback, grant, debt ...), either side. */
  static final int DROP = 1 << 2;
  /** Same, but only when written before the amount ("shares fell ... to $130", "market worth $X"). */
  static final int DROP_LEFT = 1 << 3;
  /** "raised $6 billion": a fund-raise when right before the amount, else possibly a raised forecast. */
  static final int FUNDRAISE = 1 << 4;
  /** Points to an earlier time: last year, in January, previously, had pledged, already. */
  static final int PAST = 1 << 5;
  /** Reaffirms an existing plan: reiterated, remains on track, still expects. */
  static final int REAFFIRM = 1 << 6;
  /** Frames a company as a comparison: rivals such as, following, joins, like, than. */
  static final int COMPARE = 1 << 7;
  /** "after X": comparison framing in a body sentence, but news in a headline. */
  static final int COMPARE_BODY = 1 << 8;
  /** raised / lifted / boosted ... (a plan). */
  static final int RAISE_VERB = 1 << 9;
  /** forecast, guidance, outlook, plan, budget, target: what a raise applies to. */
  static final int PLAN_NOUN = 1 << 10;
  /** Unmistakably about AI: AI, data centres, GPUs, chips, compute, model training ... */
  static final int SCOPE = 1 << 11;
  /** Often about AI: cloud, servers, infrastructure. */
  static final int SCOPE_WEAK = 1 << 12;
  /** Plainly not AI: video games, real estate, sports, warehouses, EV batteries ... */
  static final int NON_AI = 1 << 13;
  /** Someone else's estimate: analysts, consensus, according to estimates, is expected to. */
  static final int ANALYST = 1 << 14;
  /** Not committed: in talks, considering, could, may, denies; or no longer: paused, cancelled, scaled back. */
  static final int TENTATIVE = 1 << 15;
  /** No longer going ahead as announced: stalls, on hold, not definitive; on either side of the amount. */
  static final int STALLED = 1 << 22;
  /** Looks forward: will, plans, expects, forecast, next. */
  static final int FORWARD = 1 << 16;
  /** A reporting period: quarter, three months. */
  static final int RESULTS = 1 << 17;
  /** Refers back to a company: it, its, the company, the tech giant, we. */
  static final int ANAPHOR = 1 << 19;
  /** An earlier time, but only before the amount: "in January" ("fiscal year ending in June" is not past). */
  static final int PAST_LEFT = 1 << 30;
  /** Refers back to several companies: they, their, the partners. */
  static final int PLURAL_ANAPHOR = 1 << 29;
  /** "has invested $8 billion": a running total, so past unless the amount is an increment ("a further"). */
  static final int PERFECT = 1 << 27;
  /** A contract or deal: a commitment of the buyer when it buys compute or chips. */
  static final int DEAL = 1 << 28;
  /** Several companies' figures added up: combined, collectively. */
  static final int AGGREGATE = 1 << 20;
  /** Compares with estimates rather than quoting them: than, beat, above, ahead of. */
  static final int NEGATES_ESTIMATE = 1 << 21;
  /** Several companies' money pooled: tech pledges, Big Tech, the hyperscalers, sector-wide. */
  static final int POOLED = 1 << 23;

  private static final String SPEC =
      """
      INVEST: invest | invests | invested | investing | investment | investments | reinvest | reinvests \
        | spend | spends | spending | be spent | been spent | being spent | be invested | been invested \
        | being invested | capex | capital expenditure \
        | capital expenditures | capital spending | capital investment | capital investments | capital outlay \
        | capital outlays | outlay | outlays | expenditure | expenditures | pledge | pledges | pledged | pledging \
        | commit | commits | committed | committing | commitment | commitments | allocate | allocates | allocated \
        | allocating | allocation | earmark | earmarks | earmarked | earmarking | pour | pours | poured | pouring \
        | plough | ploughs | ploughed | ploughing | plow | plows | plowed | plowing | inject | injects | injected \
        | injecting | injection | set aside | sets aside | setting aside | devote | devotes | devoted | devoting \
        | funnel | funnels | funneled | funnelled | put | puts | putting | budget | budgets | budgeted \
        | fund | funds | funded | build | builds | building | build out | build-out | buildout | construct \
        | constructs | constructing | construction | expand | expands | expanding | expansion | develop \
        | develops | developing | stake | stakes | back | backs | backing | deploy | deploys | deploying \
        | provide | provides | providing | data center | data centers | data centre | data centres | datacenter \
        | datacenters | datacentre | datacentres | data-center | data-centre | campus | campuses | facility \
        | facilities | cluster | clusters | supercomputer | supercomputers | plant | plants | factory \
        | factories | fab | fabs | project | projects | plan | plans | programme | program | initiative \
        | venture | hub | infrastructure | cost | costing | contribute | contributes | contributed \
        | contributing | contribution | take a stake | taking a stake | took a stake | push | bet | bets \
        | splurge | spree | blitz | add | adds | adding | added | sink | sinks | sinking | channel | channels | channelling | channeling \
        | splash out | shell out | fork out | earmarking
      ACQUIRE: order | ordered
      DEAL: deal | contract | agreement | transaction
      INVEST: will have invested | will have spent | would have invested | would have spent
      INVEST+SCOPE_WEAK: capex | capital expenditure | capital expenditures | capital spending
      INVEST+PERFECT: has invested | have invested | has poured | have poured | has put | have put | has made \
        | have made
      INVEST+PAST: spent | has spent | have spent | has already invested | had invested | had spent
      ACQUIRE: acquire | acquires | acquired | acquiring | acquisition | acquisitions | buy | buys | buying \
        | bought | purchase | purchases | purchased | purchasing | takeover | take over | takes over | merger \
        | pay | pays | paying | paid
      DROP: revenue | revenues | sales | net sales | turnover | profit | profits | net profit | net income \
        | income | earnings | ebitda | operating income | loss | losses | net loss | margin | margins \
        | cash flow | free cash flow | cash pile | cash reserves | reserves | assets | market value \
        | market capitalization | market capitalisation | market cap | valuation | valuations | valued | net worth \
        | fortune | wealth | dividend | dividends | buyback | buybacks | buy back | buys back | bought back \
        | buying back | repurchase | repurchases | repurchased | share repurchase | fine | fines | fined | penalty \
        | penalties | settle | settles | settled | settlement | settlements | damages | lawsuit | sued | verdict \
        | compensation | salary | salaries | bonus | bonuses | pay package | pay deal | pay award | stock award \
        | stock awards | round | funding round | financing round | series a | series b | series c | series d \
        | series e | series f | series g | seed round | ipo | initial public offering | offering | share sale \
        | bond sale | bond | bonds | notes | debt | loan | loans | borrow | borrows | borrowed | borrowing \
        | borrowings | credit facility | credit line | financing | secured | secures | securing | received \
        | receive | receives | receiving | got | gets | landed | lands | won | wins | awarded | award | awards \
        | granted | grant | grants | subsidy | subsidies | incentive | incentives | tax credit | tax credits \
        | tax break | tax breaks | tax | taxes | tariff | tariffs | government | governments | state-backed \
        | state-owned | state fund | sovereign | ministry | federal | chips act | chips and science act \
        | government spending | public spending | state spending | federal spending | consumer spending \
        | defense spending | defence spending | military spending | backlog | bookings | costs \
        | remaining performance obligations | rpo | cumulative | contracts | deals | agreements | sold | sell | sells | selling | offload | offloads \
        | offloaded | divest | divests | divested | divestment | unload | unloads | finance | finances \
        | financed | valuing | values | economy | economic | gdp | economic output | economic impact \
        | sale | per share | a share | each share | from investors | led by | price | prices | price target \
        | target price | cut | cuts | cutting | layoffs | writedown | write-down | impairment | charge | charges \
        | spending on buybacks | license fee | licensing fee | royalties | royalty | gain | gains | paper gain \
        | paper gains | windfall | value | cash burn | burn | burns | burned | burnt | burning | burn through \
        | burns through | burning through | burn rate
      DROP_LEFT: shares | share | stock | stocks | share price | stock price | market | markets | industry \
        | sector | fell | tumbled | slumped | plunged | dropped | slid | lost | wiped
      FUNDRAISE+RAISE_VERB: raised | raise | raises | raising
      RAISE_VERB: lifted | lifts | lifting | lift | boosted | boosts | boosting | boost | increased | increases \
        | increasing | increase | upped | ups | hiked | hikes | bumped up | upgraded | revised up | revises up \
        | revised upward | ramped up | stepped up | steps up | doubled | doubles | doubling | topped up
      PLAN_NOUN+FORWARD: forecast | forecasts | guidance | outlook | target | targets | projection | projections \
        | estimate | range
      PLAN_NOUN+INVEST: plan | plans | budget | pledge | commitment | investment
      PAST: has said | have said | has guided | has forecast | has signalled | has signaled | has indicated \
        | has flagged | has projected | has told | has outlined | has set | have set | has previously \
        | last year | last month | last week | last quarter | last fall | last autumn | last spring \
        | last summer | last winter | last fiscal year | last <month> | earlier this year | earlier this month \
        | earlier this week | earlier this quarter | earlier in the year | earlier | previously | previous \
        | prior | already | originally | original | initially | initial | ago | had | so far | to date \
        | completes | completing | completed | final tranche | remaining tranche \
        | at the time | back in | since <year> | then pegged | then put | then estimated | then valued \
        | then expected | then slated | then planned | then budgeted | then projected | then seen | then priced | ended | just ended | has ended | announced in <month> | unveiled in <month> \
        | pledged in <month> | outlined in <month> | committed in <month> | disclosed in <month> \
        | agreed in <month> | signalled in <month> | signaled in <month> | said in <month> \
        | set out in <month> | laid out in <month> | expanded in <month> | raised in <month> \
        | increased in <month> | lifted in <month> | boosted in <month> | made in <month> | launched in <month> \
        | revealed in <month> | detailed in <month> | promised in <month> | signed in <month> | first announced | first unveiled | first disclosed | first pledged \
        | first outlined | at the start of the year | at the beginning of the year | announced in <year> \
        | unveiled in <year> | pledged in <year> | committed in <year> | a year ago
      PAST_LEFT: in <month> | in early <month> | in late <month> | in mid <month> | in <month> <year> \
        | days after | weeks after | months after | a day after | a week after | a month after | shortly after \
        | soon after | hours after
      NONE: earlier today | earlier on | in early trading | in late trading | earlier in the day \
        | ending in <month> | ends in <month> | starting in <month> | beginning in <month> \
        | due in <month> | from <month> | through <month> | until <month> | by <month> | finance lease \
        | finance leases
      REAFFIRM: repeated | repeats | restated | restates | reiterated | reiterates | reiterating | reiterate | reaffirmed | reaffirms | reaffirming \
        | reaffirm | remains on track | remain on track | remained on track | still on track | stays on track \
        | stayed on track | remains on course | remain on course | still on course | on track with \
        | on course with | was on track | were on track | defended | defends | defending | still expects | still plans | still intends | still sees \
        | still aims | still anticipates | maintained | maintains | maintaining | stuck to | sticks to \
        | sticking to | stick to | stood by | stands by | unchanged | reconfirmed | continues to expect \
        | continued to expect | continue to expect | as planned | remains committed | remain committed \
        | remained committed | kept its | keeps its | will still | would still
      COMPARE: such as | like | including | rival | rivals | peer | peers | competitor | competitors \
        | compared with | compared to | comparison | following | follows | followed | joins | joined | joining \
        | join | similar to | than | versus | vs | echoing | echoes | mirroring | mirrors | matching | matches \
        | outpacing | outpaces | outstripping | dwarfing | dwarfs | dwarfed | eclipsing | eclipses | surpassing \
        | surpasses | tops | topping | trailing | trails | on the heels of | in the wake of | other \
        | others | among | the likes of | unlike | in line with | as have | as has | as did
      COMPARE_BODY: after
      SCOPE: ai | a.i | artificial intelligence | generative | genai | machine learning | deep learning \
        | data center | data centers | data centre | data centres | datacenter | datacenters | datacentre \
        | datacentres | data-center | data-centre | data-centers | data-centres | compute | computing power \
        | computing capacity | compute capacity | intelligent computing | gpu | gpus | graphics processing units \
        | graphics processors | chip | chips | chipmaking | chipmaker | semiconductor | semiconductors \
        | processors | accelerators | computing | supercomputer | supercomputers | supercomputing | hyperscale \
        | hyperscaler | hyperscalers | llm | llms | large language model | large language models \
        | foundation model | foundation models | model training | training | inference | stargate \
        | superintelligence | agi | tpu | tpus | trainium | blackwell | h100 | h100s | h200 | h20 | gb200 \
        | hbm | dojo | colossus | mistral | cohere | perplexity | coreweave | g42 | humain | crusoe | nebius \
        | nscale | self-driving | robotaxi | robotaxis | humanoid | chatgpt | copilot | neural | data hosting
      SCOPE_WEAK: cloud | cloud computing | server | servers | infrastructure \
        | digital infrastructure | memory | networking | capacity
      NON_AI: video game | video games | gaming | game studio | studio | studios | real estate | property \
        | properties | office building | headquarters | stadium | arena | sports | naming rights \
        | media rights | streaming rights | broadcast rights | nfl | nba | mlb | fifa | formula 1 | f1 | film \
        | films | movie | movies | music | warehouse | warehouses | logistics | delivery | grocery | groceries \
        | stores | retail | pharmacy | electric vehicle | electric vehicles | ev | evs | battery | batteries \
        | gigafactory | lithium | satellite | satellites | kuiper | starlink | rocket | housing \
        | affordable housing | charity | philanthropy | donation | donations | donate | donated | scholarship \
        | scholarships | activision | blizzard | xbox | iphone | iphones | smartphone | smartphones | tv \
        | television | content | shows | games
      ANALYST: analyst | analysts | analyst estimates | consensus | according to estimates \
        | according to analysts | by some estimates | estimates compiled | estimates by | estimates from \
        | estimated by | visible alpha | lseg | factset | bloomberg intelligence | morgan stanley \
        | goldman sachs | jpmorgan | bernstein | barclays | citi | ubs | jefferies | idc | gartner | trendforce \
        | dell'oro | synergy research | canalys | counterpoint | omdia | mckinsey | research firm \
        | forecasters | economists | strategists | experts | estimates show | data compiled \
        | is expected to reach | are expected to reach \
        | some forecasting | others forecasting | some forecast | others forecast | some predicting \
        | others predicting | some expecting | others expecting | some estimate | others estimate | some see \
        | others see | the high end of estimates | the top of estimates \
        | are expected to top | is expected to top | are expected to exceed | is expected to exceed \
        | are together expected to | are collectively expected to
      ANALYST+INVEST: is expected to spend | are expected to spend | is expected to invest | are expected to invest \
        | was expected to spend | were expected to spend | is forecast to spend | are forecast to spend \
        | is projected to spend | are projected to spend | is estimated to spend | are estimated to spend \
        | is likely to spend | are likely to spend | is expected to put | are expected to put \
        | is expected to pour | are expected to pour | is expected to deploy | are expected to deploy \
        | is expected to commit | are expected to commit
      TENTATIVE: in talks | talks | discussions | negotiations | preliminary | considering | weighing | mulling | exploring | discussing | negotiating \
        | could | may | might | potential | potentially | possible | possibly | rumored | rumoured \
        | is said to | are said to | in discussions | would consider | seeking | seeks | proposal | bid | eyes \
        | eyeing | eyed | mulls | weighs | considers | explores | contemplating | contemplates | paused \
        | pauses | pausing | halted | halts | cancelled | canceled | cancels | scrapped | scraps | shelved \
        | abandoned | abandons | scaled back | scales back | pulled back | pulled out | walked away | slowed \
        | denies | denied | deny | denying | dismissed a report | dismisses a report | rejected a report \
        | rejects a report | rejects report | rejected reports | refuted | refutes | dismissed reports \
        | dismissed a financial times report | dismissed a newspaper report | rejected a newspaper report
      STALLED: no assurance | no guarantee | not final | not yet final | stalls | stalled | stalling | not definitive | no definitive | not yet definitive | not yet signed \
        | yet to sign | yet to be signed | not been signed | not been finalized | not been finalised | not finalized \
        | not finalised | yet to be finalized | yet to be finalised | on hold | in doubt | in limbo | delayed | delays \
        | postponed | postpones | under review | fell through | falls through | collapsed | collapses
      FORWARD: will | would | shall | planning | expects | expect | expecting | intends | intend \
        | intending | aims | aim | aiming | anticipates | anticipate | sees | see | next | coming | upcoming \
        | outlined | unveiled | announced | plans | current | guided | guides | guiding
      RESULTS: quarter | quarterly | three months | first half | second half | the period | q1 | q2 | q3 | q4 \
        | year ended | year-ago | quarters | past 12 months | past twelve months | last 12 months \
        | last twelve months | trailing 12 months | trailing twelve months | from a year earlier | from a year ago | year on year | year-on-year \
        | year over year | year-over-year
      ANAPHOR: it | its | we | our | we're | we’re | we'll | we’ll | we've | we’ve | the company | the firm | the group | the giant | the conglomerate \
        | the startup | the start-up | the chipmaker | the lab | the * giant | the * * giant | the * maker \
        | the * company | the * firm | the * * company | the * * firm | the * group | the * startup \
        | the * * startup | the * lab | the * provider | the * operator | the * developer | the * owner \
        | the * parent | the carmaker | the automaker | the iphone maker | the e-commerce giant
      PLURAL_ANAPHOR: they | their | the companies | the partners | the firms | the three companies \
        | the two companies | the three firms | the two firms | the * partners
      AGGREGATE: combined | collectively | between them | in aggregate | together with peers
      POOLED: tech pledges | tech investments | tech commitments | big tech | hyperscalers | hyperscalers' \
        | tech giants | tech giants' | tech companies | tech companies' | tech firms | tech groups | several pledges \
        | several companies | the companies' | sector-wide | industry-wide | across the industry | across the sector
      NONE: familiar with the discussions | familiar with the talks | familiar with the negotiations \
        | briefed on the discussions | briefed on the talks | briefed on the negotiations \
        | knowledge of the discussions | knowledge of the talks | knowledge of the negotiations
      NEGATES_ESTIMATE: than | beat | beats | beating | above | below | exceeding | exceeded | exceeds | topped \
        | ahead of | missed | short of | surpassing
      """;

  private static final Map<String, Integer> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("INVEST", INVEST);
    NAMES.put("ACQUIRE", ACQUIRE);
    NAMES.put("DROP", DROP);
    NAMES.put("DROP_LEFT", DROP_LEFT);
    NAMES.put("FUNDRAISE", FUNDRAISE);
    NAMES.put("PAST", PAST);
    NAMES.put("REAFFIRM", REAFFIRM);
    NAMES.put("COMPARE", COMPARE);
    NAMES.put("COMPARE_BODY", COMPARE_BODY);
    NAMES.put("RAISE_VERB", RAISE_VERB);
    NAMES.put("PLAN_NOUN", PLAN_NOUN);
    NAMES.put("SCOPE", SCOPE);
    NAMES.put("SCOPE_WEAK", SCOPE_WEAK);
    NAMES.put("NON_AI", NON_AI);
    NAMES.put("ANALYST", ANALYST);
    NAMES.put("TENTATIVE", TENTATIVE);
    NAMES.put("FORWARD", FORWARD);
    NAMES.put("STALLED", STALLED);
    NAMES.put("RESULTS", RESULTS);
    NAMES.put("ANAPHOR", ANAPHOR);
    NAMES.put("AGGREGATE", AGGREGATE);
    NAMES.put("NEGATES_ESTIMATE", NEGATES_ESTIMATE);
    NAMES.put("PAST_LEFT", PAST_LEFT);
    NAMES.put("PLURAL_ANAPHOR", PLURAL_ANAPHOR);
    NAMES.put("DEAL", DEAL);
    NAMES.put("PERFECT", PERFECT);
    NAMES.put("POOLED", POOLED);
    NAMES.put("NONE", 0);
  }

  private record Phrase(String[] words, int flags) {}

  private static final Set<String> MONTHS =
      Set.of(
          "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec");

  /** Function words a wildcard never stands for ("the need for giant projects" is no "the * * giant"). */
  private static final Set<String> NOT_WILD =
      Set.of(
          "for", "of", "in", "to", "on", "at", "with", "by", "and", "or", "the", "a", "an", "its", "their", "is",
          "was", "are", "were", "has", "have", "had", "will", "would", "that", "which", "who", "need", "from",
          "as", "than", "said", "says", "it", "this", "these", "those", "such");

  /** Phrases by their first word, longest first. */
  private static final Map<String, Phrase[]> INDEX = buildIndex();

  private static Map<String, Phrase[]> buildIndex() {
    Map<String, Integer> merged = new LinkedHashMap<>();
    for (String rawLine : SPEC.strip().split("\n")) {
      String line = rawLine.strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      int flags = 0;
      for (String name : line.substring(0, colon).split("\\+")) {
        Integer f = NAMES.get(name.strip());
        if (f == null) {
          throw new IllegalStateException("unknown cue flag " + name);
        }
        flags |= f;
      }
      for (String phrase : line.substring(colon + 1).split("\\|")) {
        String p = phrase.strip().replaceAll("\\s+", " ");
        if (!p.isEmpty()) {
          merged.merge(p, flags, (a, b) -> a | b);
        }
      }
    }
    Map<String, List<Phrase>> byFirst = new HashMap<>();
    merged.forEach(
        (p, f) -> {
          String[] words = p.split(" ");
          if (words[0].startsWith("<") || words[0].equals("*")) {
            throw new IllegalStateException("a phrase must start with a word: " + p);
          }
          byFirst.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Phrase(words, f));
        });
    Map<String, Phrase[]> index = new HashMap<>();
    byFirst.forEach(
        (w, list) -> {
          list.sort((a, b) -> Integer.compare(b.words.length, a.words.length));
          index.put(w, list.toArray(Phrase[]::new));
        });
    return index;
  }

  /** Sets {@link Token#flags} and {@link Token#phraseEnd} on every word token of a sentence. */
  static void annotate(Token[] tokens) {
    int coveredUntil = 0;
    for (int i = 0; i < tokens.length; i++) {
      Token t = tokens[i];
      t.phraseEnd = i + 1;
      if (!t.isWord() || i < coveredUntil) {
        continue;
      }
      Phrase[] candidates = INDEX.get(t.norm);
      int best = -1;
      int flags = 0;
      if (candidates != null) {
        for (Phrase p : candidates) {
          if (best > 0 && p.words.length < best) {
            break;
          }
          if (matches(tokens, i, p.words)) {
            if (best < 0) {
              best = p.words.length;
            }
            flags |= p.flags;
          }
        }
      }
      if (best < 0) {
        flags = hyphenatedFlags(t.norm);
        best = 1;
      }
      if (t.norm.equals("may") && t.upper && i > 0) {
        flags &= ~TENTATIVE; // the month
      }
      t.flags = flags;
      t.phraseEnd = i + best;
      if (best > 1) {
        coveredUntil = i + best;
      }
    }
  }

  /** "AI-related", "data-center-scale": the parts of a hyphenated word carry their scope. */
  private static int hyphenatedFlags(String norm) {
    int dash = norm.indexOf('-');
    if (dash < 0) {
      return 0;
    }
    int flags = 0;
    for (String part : norm.split("-")) {
      Phrase[] ps = INDEX.get(part);
      if (ps != null) {
        for (Phrase p : ps) {
          if (p.words.length == 1) {
            flags |= p.flags & (SCOPE | SCOPE_WEAK | NON_AI | RESULTS);
          }
        }
      }
    }
    return flags;
  }

  private static boolean matches(Token[] tokens, int i, String[] words) {
    if (i + words.length > tokens.length) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      Token t = tokens[i + k];
      if (!t.isWord()) {
        return false;
      }
      String w = words[k];
      if (k > 0 && tokens[i + k - 1].possessive && !w.equals("*")) {
        return false; // "company's data" is not the phrase "company data"
      }
      boolean ok =
          switch (w) {
            case "*" -> !NOT_WILD.contains(t.norm);
            case "<month>" -> t.upper && MONTHS.contains(stripMid(t.norm));
            case "<year>" -> isYear(t.norm);
            default -> w.equals(t.norm);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String stripMid(String norm) {
    return norm.startsWith("mid-") ? norm.substring(4) : norm;
  }

  /** A month name ("january", "sept"), as a token's lower-case form. */
  static boolean isMonth(String norm) {
    return MONTHS.contains(stripMid(norm));
  }

  static boolean isYear(String norm) {
    if (norm.length() != 4) {
      return false;
    }
    for (int k = 0; k < 4; k++) {
      if (!Character.isDigit(norm.charAt(k))) {
        return false;
      }
    }
    int y = Integer.parseInt(norm);
    return y >= 1990 && y <= 2100;
  }
}
