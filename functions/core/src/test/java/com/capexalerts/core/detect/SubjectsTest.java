package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectsTest {
  @Test
  void theHeadlinesActingCompanyIsTheSubject() {
    ItemContext ctx = Stages.item("Microsoft to invest $80 billion in AI data centers", "");
    assertEquals(Set.of(Stages.company("Microsoft")), ctx.titleSubjects);
    assertFalse(ctx.newsroomSubject);
  }

  @Test
  void theCompanyInvestedInIsNoSubject() {
    ItemContext ctx = Stages.item("Amazon invests $4 billion in Anthropic", "");
    assertEquals(Set.of(Stages.company("Amazon")), ctx.titleSubjects);
  }

  @Test
  void aCompanyNamedForComparisonIsNoSubject() {
    ItemContext ctx = Stages.item("Alibaba pledges $50 billion for AI, joining rivals such as Microsoft", "");
    assertEquals(Set.of(Stages.company("Alibaba")), ctx.titleSubjects);
  }

  @Test
  void aNewsroomPostWithoutAHeadlineSubjectIsItsCompanysNews() {
    Set<?> expected = Set.of(Stages.company("Microsoft"));
    ItemContext ctx = Stages.item("Our next chapter in AI", "We will invest $80 billion in AI data centers.", 0,
        Stages.company("Microsoft"));
    assertEquals(expected, ctx.titleSubjects);
    assertTrue(ctx.newsroomSubject);
  }

  @Test
  void headlineTestsTellCommittingMoneyFromFundRaising() {
    ItemContext pledge = Stages.item("US tech giants pledge billions for British AI", "Microsoft will spend $10 billion.");
    assertTrue(Subjects.headlineCommits(pledge));
    assertTrue(Subjects.headlineAboutInvesting(pledge));
    ItemContext round = Stages.item("OpenAI raises $40 billion in a funding round", "");
    assertTrue(Subjects.titleRaisesMoney(round));
    assertFalse(Subjects.headlineCommits(round));
  }
}
