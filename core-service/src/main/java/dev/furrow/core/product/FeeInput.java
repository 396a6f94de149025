package dev.furrow.core.product;

import javax.annotation.Nullable;

/** One default fee exactly as a client sent it; a null part was absent. */
public record FeeInput(
    @Nullable String name, @Nullable String type, @Nullable String amount, @Nullable String event) {

  /** The stored fee in its canonical text form. */
  static FeeInput of(DefaultFee fee) {
    return new FeeInput(
        fee.name(), fee.type().code(), fee.amount().toPlainString(), fee.event().code());
  }
}
