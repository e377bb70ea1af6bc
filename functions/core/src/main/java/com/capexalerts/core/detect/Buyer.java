package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import java.util.Set;

/**
 * <b>Spender</b> stage for compute and chip deals (labelling rule 7): the buyer commits the money, the seller books
 * revenue. When the amount is no investment of the sentence's subject because the subject sells ("Samsung lands
 * $16.5 billion Tesla chip order", "CoreWeave secured a $14.2 billion deal to give Meta access to ..."), or the
 * investment cue sits too far from it ("Tesla confirms $16.5 billion Samsung chip manufacturing deal"), the deal
 * noun near the amount names the buyer: a watched company qualifying it ("$14 billion Meta deal"), after it
 * ("deal with AWS", "order from Tesla", "to give Meta access"), or the subject when it is the buyer.
 */
final class Buyer {
  private Buyer() {}

  static final Set<String> DEAL_NOUNS = Lexicon.words("buyer/deal-nouns");
  static final Set<String> SELLER_VERBS = Lexicon.words("buyer/seller-verbs");
  static final Set<String> OWED_VERBS = Lexicon.words("buyer/owed-verbs");
  static final Set<String> DEAL_VERBS = Lexicon.words("buyer/deal-verbs");
  /** Deal nouns that belong to the buyer alone ("Tesla's chip order"); a "deal" or "contract" is either side's. */
  static final Set<String> ORDER_NOUNS = Set.of("order", "orders", "purchase", "purchases");
  /** Money nouns that make a seller's figure its revenue, whoever its customers are. */
  static final Set<String> REVENUE_NOUNS = Lexicon.words("buyer/revenue-nouns");

  /** The token of the watched buyer of the deal valued by the amount at m, or -1. */
  static int buyer(ItemContext ctx, Sent s, int m) {
    Token[] t = s.tokens();
    if (!computeDeal(ctx, s)) {
      return -1;
    }
    int deal = dealNoun(t, m);
    if (deal < 0) {
      return valuedDeal(t, m);
    }
    for (int k = 0; k < t.length; k++) {
      if (t[k].isWord() && REVENUE_NOUNS.contains(t[k].norm)) {
        return -1; // "revenue of $30 billion from deals with Microsoft": the seller's revenue
      }
    }
    int subject = -1;
    for (int k = 0; k < m; k++) {
      if (t[k].kind == Token.Kind.COMPANY && !Spender.marketMover(t, k, m)) {
        subject = k;
        break;
      }
    }
    boolean sells = s.supply;
    for (int k = 0; k < t.length && !sells; k++) {
      // a seller's verb outside the deal's own noun phrase ("manufacturing deal" names the deal, not the seller)
      sells = (k < m || k > deal) && t[k].isWord() && SELLER_VERBS.contains(t[k].norm);
    }
    if (m >= 1 && t[m - 1].kind == Token.Kind.COMPANY && t[m - 1].possessive && ORDER_NOUNS.contains(t[deal].norm)) {
      return m - 1; // "Samsung shares surge on Tesla's $16.5 billion chip order": an order is its buyer's
    }
    for (int k = 0; k + 3 < t.length; k++) {
      if (t[k].kind == Token.Kind.COMPANY && t[k + 1].is("as") && roleNoun(t, k + 2)) {
        return k; // "Musk confirms Tesla as the customer behind Samsung's $16.5 billion chip deal"
      }
    }
    int named = named(t, m, deal);
    if (subject >= 0 && named > subject && t[named - 1].is("with") && named + 2 < t.length && t[named + 1].is("to")
        && t[named + 2].isWord() && MAKER_VERBS.contains(t[named + 2].norm) && dealVerb(t, subject, m)) {
      return subject; // "Tesla has signed a $16.5 billion contract with Samsung to make its AI6 chips": Samsung makes
    }
    boolean payer = named >= 2 && t[named - 1].is("which"); // "a $38 billion deal under which OpenAI will pay"
    if (named >= 0 && (sells || subject < 0 || payer) && named != subject) {
      return named;
    }
    if (!sells && subject >= 0 && named >= 0 && named != subject && dealVerb(t, subject, m)) {
      return subject; // "Tesla confirms $16.5 billion Samsung chip manufacturing deal"
    }
    return -1;
  }

  /**
   * "Microsoft has signed a five-year agreement with Nebius for GPU capacity valued at $17.4 billion": the amount
   * values the deal its subject signed; that subject is the buyer. -1 when the sentence is not so.
   */
  static int valuedDeal(Token[] t, int m) {
    boolean valued = m >= 2 && t[m - 1].is("at") && t[m - 2].is("valued");
    if (!valued) {
      return -1;
    }
    int deal = -1;
    for (int k = m - 2; k >= 0 && k >= m - 14; k--) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(";")) {
        return -1;
      }
      if (t[k].isWord() && DEAL_NOUNS.contains(t[k].norm)) {
        deal = k;
        break;
      }
    }
    if (deal < 0 || (deal >= 1 && t[deal - 1].isWord() && t[deal - 1].has(Cue.DROP))) {
      return -1; // "a $27 billion financing deal", "a stake-sale agreement": not a purchase
    }
    for (int k = 0; k < deal; k++) {
      if (t[k].kind == Token.Kind.COMPANY) {
        return dealVerb(t, k, deal) ? k : -1;
      }
    }
    return -1;
  }

  /** The subject reports the deal: a deal verb between it and the amount. */
  static boolean dealVerb(Token[] t, int subject, int m) {
    for (int k = subject + 1; k < m; k++) {
      if (t[k].isWord() && DEAL_VERBS.contains(t[k].norm)) {
        return true;
      }
    }
    return false;
  }

  /** The deal noun within six words after the amount, or the one it values ("a contract worth $14.2 billion"); -1. */
  static int dealNoun(Token[] t, int m) {
    if (m >= 2 && t[m - 1].is("worth") && t[m - 2].isWord() && DEAL_NOUNS.contains(t[m - 2].norm)) {
      return m - 2; // "won a cloud computing contract worth as much as $14.2 billion from Meta"
    }
    for (int k = m + 1; k < t.length && k <= m + 6; k++) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(".") || t[k].is(";")) {
        return -1;
      }
      if (t[k].isWord() && DEAL_NOUNS.contains(t[k].norm)) {
        return k;
      }
    }
    return -1;
  }

  /** "the customer", "customer", "the buyer" at k: the role "as" gives a company in a seller's deal. */
  static boolean roleNoun(Token[] t, int k) {
    int n = k < t.length && t[k].is("the") ? k + 1 : k;
    return n < t.length && (t[n].is("customer") || t[n].is("buyer"));
  }

  /** What a contractor is hired "to" do: the company so hired is the seller. */
  private static final Set<String> MAKER_VERBS = Set.of("make", "manufacture", "produce", "build", "supply",
      "provide", "deliver", "fabricate");

  /** Verbs of placing an order with a seller: "Tesla hands Samsung's Texas fab a $16.5 billion order". */
  private static final Set<String> GIVING_VERBS = Set.of("hands", "handed", "gives", "gave", "awards", "awarded",
      "places", "placed");

  /** The company that hands a seller the order or contract at m ("Tesla hands Samsung's fab a $16.5 billion order"). */
  static int giver(Token[] t, int m) {
    int deal = dealNoun(t, m);
    if (deal < 0 || deal > m + 4) {
      return -1;
    }
    for (int k = m - 1; k >= 1 && k >= m - 8; k--) {
      if (t[k].isWord() && GIVING_VERBS.contains(t[k].norm)) {
        return t[k - 1].kind == Token.Kind.COMPANY && !t[k - 1].possessive ? k - 1 : -1;
      }
    }
    return -1;
  }

  /** A seller's verb before the amount: "IREN soars after landing a $9.7 billion contract with Microsoft". */
  static boolean sold(Token[] t, int m) {
    for (int k = 0; k < m; k++) {
      if (t[k].isWord() && SELLER_VERBS.contains(t[k].norm)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "capacity the company promised to OpenAI under a contract worth $300 billion": the company the seller owes the
   * deal to is its buyer. Index of that company, or -1.
   */
  static int owedTo(Token[] t, int m) {
    for (int k = Math.max(0, m - 12); k + 2 < m; k++) {
      if (t[k].isWord() && OWED_VERBS.contains(t[k].norm) && t[k + 1].is("to") && t[k + 2].kind == Token.Kind.COMPANY) {
        return k + 2;
      }
    }
    return -1;
  }

  /** A watched company qualifying the deal noun, or named right after it as its counterparty; -1 when none. */
  static int named(Token[] t, int m, int deal) {
    for (int k = deal - 1; k > m; k--) {
      if (t[k].kind == Token.Kind.COMPANY) {
        return k; // "$14 billion Meta deal", "$16.5 billion Tesla chip order"
      }
    }
    int after = Math.max(deal, m);
    for (int k = after + 1; k < t.length && k <= after + 4; k++) {
      if (t[k].kind == Token.Kind.COMPANY
          && (t[k - 1].is("with") || t[k - 1].is("from") || t[k - 1].is("give") || t[k - 1].is("supply")
              || t[k - 1].is("provide") || (k >= 2 && t[k - 1].is("which") && t[k - 2].is("under")))) {
        return k; // "deal with AWS", "order from Tesla", "to give Meta access"
      }
    }
    return -1;
  }

  /** The company at k is named as the deal's customer ("order from Tesla", "to give Meta access"), not its party. */
  static boolean customer(Token[] t, int k) {
    return k > 0 && (t[k - 1].is("from") || t[k - 1].is("give") || t[k - 1].is("provide"));
  }

  /** The sentence or the headline speaks of compute, chips, cloud or servers. */
  static boolean computeDeal(ItemContext ctx, Sent s) {
    if (AiScope.scope(s) >= 1) {
      return true;
    }
    return !ctx.sents.isEmpty() && ctx.sents.get(0).isTitle && AiScope.scope(ctx.sents.get(0)) >= 1;
  }

  static Company company(Sent s, int k) {
    return s.mentions.get(s.tokens()[k].ref).company();
  }
}
