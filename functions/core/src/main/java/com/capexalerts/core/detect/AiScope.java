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

  static boolean inScope(ItemContext ctx, Sent s, int role) {
    int own = scope(s);
    if (role == MoneyRole.ROLE_ACQUIRE) {
      return own == 2;
    }
    if (s.nonAi) {
      return own >= 1;
    }
    if (own >= 1) {
      return true;
    }
    if (!ctx.sents.isEmpty() && ctx.sents.get(0).isTitle && scope(ctx.sents.get(0)) >= 1) {
      return true;
    }
    int i = s.index;
    return (i > 0 && scope(ctx.sents.get(i - 1)) == 2) || (i + 1 < ctx.sents.size() && scope(ctx.sents.get(i + 1)) == 2);
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
