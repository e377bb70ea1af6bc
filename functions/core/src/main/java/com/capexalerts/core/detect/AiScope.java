package com.capexalerts.core.detect;

import com.capexalerts.core.company.CompanyMention;
import java.util.Set;

/**
 * <b>AI scope</b> stage: the sentence, the headline or a neighbouring sentence must be about AI (AI, data centres,
 * chips, GPUs, compute, cloud, servers, capex, AI labs); an acquisition, a purchase, a deal or a sentence naming a
 * non-AI object (video games, real estate, sports rights ...) must be about AI itself.
 */
final class AiScope {
  private AiScope() {}

  static final Set<String> SUPPLY_WORDS = Lexicon.words("ai-scope/supply-words");

  /** The amount's sentence, the headline or a neighbour is about AI, as its role requires. */
  static boolean inScope(ItemContext ctx, Sent s, int m, int role, Trace trace) {
    int own = scope(s);
    if (role == MoneyRole.ROLE_ACQUIRE) {
      if (own < 2) {
        Sent before = dealBefore(ctx, s, m);
        if (before != null) {
          int k = backReference(s.tokens(), m);
          return decided(trace, before, true, "it refers back to the deal, by "
              + Trace.quote(s, k >= 0 ? k : DealLink.valuedDeal(s.tokens(), m), (k >= 0 ? k : DealLink.valuedDeal(s.tokens(), m)) + 2));
        }
      }
      return decided(trace, s, own == 2, "an acquisition or deal must be about AI itself");
    }
    if (s.nonAi) {
      return decided(trace, s, own >= 1, "the sentence names a non-AI object, so it must be about AI itself");
    }
    if (own >= 1) {
      return decided(trace, s, true, "");
    }
    if (!ctx.sents.isEmpty() && ctx.sents.get(0).isTitle && scope(ctx.sents.get(0)) >= 1) {
      return decided(trace, ctx.sents.get(0), true, "");
    }
    int i = s.index;
    if (i > 0 && scope(ctx.sents.get(i - 1)) == 2) {
      return decided(trace, ctx.sents.get(i - 1), true, "");
    }
    if (i + 1 < ctx.sents.size() && scope(ctx.sents.get(i + 1)) == 2) {
      return decided(trace, ctx.sents.get(i + 1), true, "");
    }
    if (role == MoneyRole.ROLE_INVEST && nationalPledge(ctx, s, m)) {
      // "IBM will put $150 billion into the US over five years", "Apple lifts its US investment to $600 billion":
      // a tech company's national pledge of this size is its AI-era build-out (factories, servers, data centres)
      return decided(trace, s, true, "a national investment pledge of $" + NATIONAL_PLEDGE_BILLIONS + " billion or more");
    }
    return decided(trace, s, false, "no AI words in the sentence, the headline or the sentences beside it");
  }

  static final Set<String> NATIONAL_WORDS = Lexicon.words("ai-scope/national-words");
  static final int NATIONAL_PLEDGE_BILLIONS = 100;
  private static final java.math.BigDecimal NATIONAL_PLEDGE =
      java.math.BigDecimal.valueOf(NATIONAL_PLEDGE_BILLIONS).movePointRight(9);

  /** The amount is at least $100 billion and the sentence invests it in a country ("into the US", "in America"). */
  static boolean nationalPledge(ItemContext ctx, Sent s, int m) {
    Token[] t = s.tokens();
    java.math.BigDecimal usd = ctx.usd(s.money.get(t[m].ref));
    if (usd == null || usd.compareTo(NATIONAL_PLEDGE) < 0) {
      return false;
    }
    for (int k = 0; k < t.length; k++) {
      // "US" the country, written in capitals; "us" the pronoun is not
      if (t[k].isWord() && NATIONAL_WORDS.contains(t[k].norm) && (t[k].upper || !t[k].is("us"))) {
        return true;
      }
      if (k + 1 < t.length && t[k].isWord() && t[k + 1].isWord()
          && NATIONAL_WORDS.contains(t[k].norm + " " + t[k + 1].norm)) {
        return true; // "the United States"
      }
    }
    return false;
  }

  /**
   * "Meta has taken a stake in Scale AI. ... people familiar said it paid $14.3 billion for 49% of the start-up": an
   * amount whose clause goes on to refer back ("the start-up", "the deal") to an AI deal of the sentence before (or
   * the headline) is about that deal. The sentence before, or null.
   */
  private static Sent dealBefore(ItemContext ctx, Sent s, int m) {
    if (s.isTitle || backReference(s.tokens(), m) < 0 && DealLink.valuedDeal(s.tokens(), m) < 0) {
      return null;
    }
    Sent prev = ctx.sents.get(s.index - 1);
    return scope(prev) == 2 ? prev : null;
  }

  /** Index of a definite reference back to a company or deal ("the start-up", "the deal") in the amount's clause
   * after it, or -1. */
  static int backReference(Token[] t, int m) {
    for (int k = m + 1; k + 1 < t.length && t[k].kind != Token.Kind.MONEY && !t[k].is(",") && !t[k].is(";"); k++) {
      if (t[k].is("the") && t[k].has(Cue.ANAPHOR)) {
        return k; // "the start-up", "the company", "the AI developer"
      }
      if (t[k].is("the") && t[k + 1].isWord() && BACK_NOUNS.contains(t[k + 1].norm)) {
        return k;
      }
    }
    return -1;
  }

  /** Nouns that, after "the", refer to a deal already named. */
  private static final Set<String> BACK_NOUNS =
      Set.of("deal", "investment", "agreement", "transaction", "acquisition", "stake", "purchase", "takeover");

  /** Records the scope decision and the AI word it rests on (in sentence by) when explaining. */
  private static boolean decided(Trace trace, Sent by, boolean ai, String rule) {
    if (trace != null) {
      String where = by.isTitle ? "the headline" : "sentence " + by.index;
      String word = cue(by);
      String reason = word == null ? rule : "by " + word + " in " + where + (rule.isEmpty() ? "" : "; " + rule);
      trace.decide("scope", ai ? "AI" : "not AI", reason);
    }
    return ai;
  }

  /** The first word (or AI company) that makes the sentence about AI, strongest first; null when none. */
  static String cue(Sent s) {
    Token[] t = s.tokens();
    String weak = null;
    for (int k = 0; k < t.length; k++) {
      Token x = t[k];
      if (x.kind == Token.Kind.WORD && x.has(Cue.SCOPE)) {
        return Trace.phrase(s, k);
      }
      if (x.kind == Token.Kind.COMPANY) {
        CompanyMention c = s.mentions.get(x.ref);
        if (c.company().isAiScope(c.alias())) {
          return Trace.quote(s, k, k + 1);
        }
      }
      if (weak == null && x.kind == Token.Kind.WORD && x.has(Cue.SCOPE_WEAK)) {
        weak = Trace.phrase(s, k);
      }
    }
    return weak;
  }

  static int scope(Sent s) {
    if (s.scope < 0) {
      Token[] t = s.tokens();
      int scope = 0;
      for (Token x : t) {
        if (x.kind == Token.Kind.WORD) {
          if (x.has(Cue.SCOPE)) {
            scope = 2;
          } else if (x.has(Cue.SCOPE_WEAK) && scope == 0) {
            scope = 1;
          }
          s.nonAi |= x.has(Cue.NON_AI);
          s.supply |= SUPPLY_WORDS.contains(x.norm);
        } else if (x.kind == Token.Kind.COMPANY) {
          CompanyMention c = s.mentions.get(x.ref);
          if (c.company().isAiScope(c.alias())) {
            scope = 2;
          }
        }
      }
      s.scope = scope;
    }
    return s.scope;
  }
}
