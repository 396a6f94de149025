package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** A public holiday of one country. */
public record Holiday(String country, LocalDate date, String name) {
  public Holiday {
    requireNonNull(country, "country");
    requireNonNull(date, "date");
    requireNonNull(name, "name");
  }
}
