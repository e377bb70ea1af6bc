package com.capexalerts.core.eval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One labelled money figure of a watched company in a corpus item.
 *
 * @param company         canonical watchlist name
 * @param amountUsd       the amount in US dollars (the labeller's conversion; the scorer allows for other rates)
 * @param alternativesUsd other figures that state the same commitment equally well, e.g. the increment and the new
 *                        total of a raised pledge ("adds $100bn, taking it to $600bn"); usually empty
 * @param event           optional id of the real-world commitment ("stargate-2025-01-500b"), the same in every
 *                        retelling and restatement of it; the event scorer clusters by it when present
 */
public record LabelledAmount(String company, BigDecimal amountUsd, List<BigDecimal> alternativesUsd, String event) {
  public LabelledAmount {
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(amountUsd, "amountUsd");
    alternativesUsd = List.copyOf(alternativesUsd);
    event = event == null || event.isBlank() ? null : event.strip();
  }

  public LabelledAmount(String company, BigDecimal amountUsd, List<BigDecimal> alternativesUsd) {
    this(company, amountUsd, alternativesUsd, null);
  }

  public LabelledAmount(String company, BigDecimal amountUsd) {
    this(company, amountUsd, List.of(), null);
  }

  /** The main figure first, then the alternatives. */
  public List<BigDecimal> acceptedUsd() {
    return Stream.concat(Stream.of(amountUsd), alternativesUsd.stream()).toList();
  }
}
