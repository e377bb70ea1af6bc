package com.capexalerts.core.company;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Chinese names of the watched companies: no spaces, simplified and traditional forms, look-alike words. */
class ChineseNamesTest {
  private final Watchlist watchlist = Watchlist.defaults();

  private List<String> names(String text) {
    return watchlist.find(text).stream().map(m -> m.company().name()).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "阿里巴巴宣布投资, Alibaba", "阿里将投入, Alibaba", "阿里云发布, Alibaba", "阿里雲發布, Alibaba",
    "腾讯计划, Tencent", "騰訊計劃, Tencent", "百度表示, Baidu", "字节跳动将, ByteDance", "字節跳動將, ByteDance",
    "华为宣布, Huawei", "華為宣布, Huawei", "微软将投资, Microsoft", "微軟將投資, Microsoft", "谷歌宣布, Alphabet",
    "Google将, Alphabet", "Alphabet预计, Alphabet", "亚马逊将, Amazon", "亞馬遜將, Amazon", "AWS将投资, Amazon",
    "苹果公司宣布, Apple", "苹果将投资, Apple", "苹果CEO库克, Apple", "蘋果公司宣布, Apple", "Meta将投入, Meta",
    "英伟达发布, Nvidia", "輝達發布, Nvidia", "NVIDIA表示, Nvidia", "甲骨文宣布, Oracle", "IBM计划, IBM",
    "三星电子投资, Samsung", "三星将, Samsung", "软银集团, SoftBank", "軟銀將, SoftBank", "OpenAI计划, OpenAI",
    "Anthropic获得, Anthropic", "xAI将, xAI", "特斯拉计划, Tesla", "字节将投入, ByteDance"
  })
  void findsChineseNames(String text, String company) {
    assertEquals(List.of(company), names(text));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "苹果价格上涨", "红富士苹果丰收", "三星堆遗址出土", "亚马逊雨林遭砍伐", "阿里山的日出", "甲骨文字研究",
        "尼古拉·特斯拉的发明", "一个字节有八位", "三星级酒店"
      })
  void ignoresLookAlikes(String text) {
    assertEquals(List.of(), names(text), text);
  }

  @Test
  void longestNameWinsAndListsAreSplit() {
    assertEquals(List.of("Alibaba"), names("阿里巴巴集团"));
    assertEquals(List.of("Microsoft", "Alphabet", "Meta"), names("微软、谷歌和Meta今年的资本开支"));
    assertEquals(List.of("Apple", "Microsoft"), names("苹果和微软的市值"));
    List<CompanyMention> m = watchlist.find("据悉，阿里巴巴集团将投入");
    assertEquals(3, m.get(0).start());
    assertEquals(9, m.get(0).end());
  }
}
