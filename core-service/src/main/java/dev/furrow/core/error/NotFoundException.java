package dev.furrow.core.error;

/** The thing asked for does not exist, or belongs to another partner (the two look the same). */
public final class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
