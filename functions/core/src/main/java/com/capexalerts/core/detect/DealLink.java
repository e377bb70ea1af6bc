package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import java.util.List;
import java.util.Set;

/**
 * The spender of an amount given in the sentence after the deal: "Microsoft agreed to take a stake in the AI lab.
 * The investment is valued at $2 billion, people familiar said." When the amount's sentence names no watched
 * company and the amount is the value of "the deal", "the investment" or "the agreement", it belongs to the one
 * watched company that made the deal in the sentence before (or the headline). Asked only when {@link Spender}
 * finds nobody.
 */
final class DealLink {
  private DealLink() {}

  /** Nouns that, after "the", refer to a deal already named. */
  static final Set<String> DEAL_NOUNS = Lexicon.words("deal-link/deal-nouns");

  /** Words between the deal noun and the amount that make the amount its value ("is valued at", "totals"). */
  static final Set<String> VALUE_WORDS = Lexicon.words("deal-link/value-words");

  /**
   * "The deal is worth $900 million", "said the investment totals $3 billion": index of "the" before the deal
   * noun whose value the amount is, or -1.
   */
  static int valuedDeal(Token[] t, int m) {
    boolean valued = false;
    for (int k = m - 1; k >= 1; k--) {
      Token x = t[k];
      if (!x.isWord()) {
        return -1;
      }
      if (DEAL_NOUNS.contains(x.norm) && t[k - 1].is("the")) {
        return valued ? k - 1 : -1;
      }
      if (!VALUE_WORDS.contains(x.norm)) {
        return -1;
      }
      valued |= !(x.is("is") || x.is("was") || x.is("will") || x.is("be") || x.is("would"));
    }
    return -1;
  }

  /** The company of the deal the amount values, or null. */
  static Spender.Owner owner(ItemContext ctx, Sent s, int m, Trace trace) {
    if (s.isTitle || s.index == 0 || !s.mentions.isEmpty()) {
      return null;
    }
    int the = valuedDeal(s.tokens, m);
    if (the < 0) {
      return null;
    }
    Sent prev = ctx.sents.get(s.index - 1);
    Company maker = dealMaker(prev);
    if (maker == null) {
      return null;
    }
    if (trace != null) {
      trace.decide("spender", maker.name(), "by " + Trace.quote(s, the, the + 2) + ", the deal "
          + maker.name() + " made in " + (prev.isTitle ? "the headline" : "sentence " + prev.index));
    }
    return new Spender.Owner(List.of(maker), the, the, true, false, false);
  }

  /** The one watched company a sentence has making a deal or investment (not as an object), or null. */
  private static Company dealMaker(Sent prev) {
    Token[] t = prev.tokens();
    Company maker = null;
    boolean deal = false;
    for (int k = 0; k < t.length; k++) {
      Token x = t[k];
      if (x.kind == Token.Kind.COMPANY && !(k > 0 && t[k - 1].isWord() && Spender.OBJECT_PREPS.contains(t[k - 1].norm))) {
        Company c = prev.mentions.get(x.ref).company();
        if (maker != null && !maker.equals(c)) {
          return null; // several makers: whose deal is it?
        }
        maker = c;
      }
      deal |= x.isWord() && x.has(Cue.INVEST | Cue.ACQUIRE | Cue.DEAL);
    }
    return deal ? maker : null;
  }
}
