package dev.furrow.core.product;

import java.util.Locale;
import java.util.Optional;

/**
 * The API codes of the product choice enums: each code is the constant's name in lower case ({@code
 * PAY_AS_YOU_GO} is {@code "pay_as_you_go"}), matched exactly, as DRF choice fields do.
 */
final class Codes {
  private Codes() {}

  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
    for (E constant : type.getEnumConstants()) {
      if (of(constant).equals(code)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
