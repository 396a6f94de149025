package dev.furrow.core.borrower;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import javax.annotation.Nullable;

/** The writable fields of an end user after validation: trimmed, typed, blank optionals null. */
public record EndUserDetails(
    String firstName,
    String lastName,
    LocalDate birthDate,
    String addressLine1,
    String addressLine2,
    @Nullable String addressLine3,
    String city,
    String postalCode,
    @Nullable String country,
    String bankAccountNumber,
    String sortCode,
    @Nullable String mobileNumber,
    @Nullable String email) {

  public EndUserDetails {
    requireNonNull(firstName, "firstName");
    requireNonNull(lastName, "lastName");
    requireNonNull(birthDate, "birthDate");
    requireNonNull(addressLine1, "addressLine1");
    requireNonNull(addressLine2, "addressLine2");
    requireNonNull(city, "city");
    requireNonNull(postalCode, "postalCode");
    requireNonNull(bankAccountNumber, "bankAccountNumber");
    requireNonNull(sortCode, "sortCode");
  }

  /** The field's value in its API text form (birth date as YYYY-MM-DD), or null when unset. */
  @Nullable
  public String text(EndUserField field) {
    return switch (field) {
      case FIRST_NAME -> firstName;
      case LAST_NAME -> lastName;
      case BIRTH_DATE -> birthDate.toString();
      case ADDRESS_LINE_1 -> addressLine1;
      case ADDRESS_LINE_2 -> addressLine2;
      case ADDRESS_LINE_3 -> addressLine3;
      case CITY -> city;
      case POSTAL_CODE -> postalCode;
      case COUNTRY -> country;
      case BANK_ACCOUNT_NUMBER -> bankAccountNumber;
      case SORT_CODE -> sortCode;
      case MOBILE_NUMBER -> mobileNumber;
      case EMAIL -> email;
    };
  }
}
