package dev.furrow.core.borrower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.furrow.core.error.FieldViolation;
import dev.furrow.core.error.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndUserPolicyTest {
  /** 2024-03-15 in UTC. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-03-15T10:00:00Z"), ZoneOffset.UTC);

  private final EndUserPolicy policy = new EndUserPolicy(CLOCK);

  static EndUserInput complete() {
    return EndUserInput.empty()
        .with(EndUserField.FIRST_NAME, "Amina")
        .with(EndUserField.LAST_NAME, "Okafor")
        .with(EndUserField.BIRTH_DATE, "1988-07-21")
        .with(EndUserField.ADDRESS_LINE_1, "12 Farm Road")
        .with(EndUserField.ADDRESS_LINE_2, "Kaduna South")
        .with(EndUserField.CITY, "Kaduna")
        .with(EndUserField.POSTAL_CODE, "800001")
        .with(EndUserField.BANK_ACCOUNT_NUMBER, "0123456789")
        .with(EndUserField.SORT_CODE, "058");
  }

  @Test
  void completeInputIsTrimmedAndTyped() {
    EndUserDetails details =
        policy.validate(
            complete()
                .with(EndUserField.FIRST_NAME, "  Amina ")
                .with(EndUserField.COUNTRY, " ng ")
                .with(EndUserField.MOBILE_NUMBER, "+2348012345678")
                .with(EndUserField.EMAIL, "amina@example.ng"));

    assertThat(details.firstName()).isEqualTo("Amina");
    assertThat(details.birthDate()).isEqualTo(LocalDate.of(1988, 7, 21));
    assertThat(details.country()).isEqualTo("NG");
    assertThat(details.mobileNumber()).isEqualTo("+2348012345678");
    assertThat(details.email()).isEqualTo("amina@example.ng");
    assertThat(details.addressLine3()).isNull();
  }

  @Test
  void blankOptionalFieldsAreUnset() {
    EndUserDetails details =
        policy.validate(
            complete()
                .with(EndUserField.ADDRESS_LINE_3, "   ")
                .with(EndUserField.COUNTRY, "")
                .with(EndUserField.EMAIL, ""));

    assertThat(details.addressLine3()).isNull();
    assertThat(details.country()).isNull();
    assertThat(details.email()).isNull();
  }

  @Test
  void everyMissingRequiredFieldIsReportedAtOnce() {
    assertViolations(
        () -> policy.validate(EndUserInput.empty()),
        tuple("first_name", "This field is required."),
        tuple("last_name", "This field is required."),
        tuple("birth_date", "This field is required."),
        tuple("address_line_1", "This field is required."),
        tuple("address_line_2", "This field is required."),
        tuple("city", "This field is required."),
        tuple("postal_code", "This field is required."),
        tuple("bank_account_number", "This field is required."),
        tuple("sort_code", "This field is required."));
  }

  @ParameterizedTest
  @EnumSource(
      value = EndUserField.class,
      names = {"ADDRESS_LINE_3", "COUNTRY", "MOBILE_NUMBER", "EMAIL"},
      mode = EnumSource.Mode.EXCLUDE)
  void eachRequiredFieldMayNotBeBlank(EndUserField field) {
    assertViolations(
        () -> policy.validate(complete().with(field, " \t")),
        tuple(field.key(), "This field may not be blank."));
  }

  @Test
  void textLongerThanItsLimitIsRefused() {
    assertViolations(
        () ->
            policy.validate(
                complete()
                    .with(EndUserField.FIRST_NAME, "a".repeat(101))
                    .with(EndUserField.LAST_NAME, "a".repeat(100))
                    .with(EndUserField.ADDRESS_LINE_3, "a".repeat(201))
                    .with(EndUserField.CITY, "a".repeat(101))
                    .with(EndUserField.POSTAL_CODE, "1".repeat(21))),
        tuple("first_name", "Ensure this field has no more than 100 characters."),
        tuple("address_line_3", "Ensure this field has no more than 200 characters."),
        tuple("city", "Ensure this field has no more than 100 characters."),
        tuple("postal_code", "Ensure this field has no more than 20 characters."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"21/07/1988", "1988-7-21", "1988-02-30", "19880721", "+1988-07-21"})
  void birthDateMustBeAnIsoDate(String value) {
    assertViolations(
        () -> policy.validate(complete().with(EndUserField.BIRTH_DATE, value)),
        tuple(
            "birth_date", "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
  }

  @Test
  void birthDateMayBeTodayButNotTomorrow() {
    assertThat(policy.validate(complete().with(EndUserField.BIRTH_DATE, "2024-03-15")).birthDate())
        .isEqualTo(LocalDate.of(2024, 3, 15));
    assertViolations(
        () -> policy.validate(complete().with(EndUserField.BIRTH_DATE, "2024-03-16")),
        tuple("birth_date", "Birth date cannot be in the future."));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "amina",
        "amina@",
        "@example.com",
        "amina@example",
        "a b@example.com",
        "a..b@x.ng"
      })
  void emailMustLookLikeAnAddress(String value) {
    assertViolations(
        () -> policy.validate(complete().with(EndUserField.EMAIL, value)),
        tuple("email", "Enter a valid email address."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"08012345678", "+234 801 234 5678", "+1234567", "+1234567890123456", "+"})
  void mobileNumberMustBeE164(String value) {
    assertViolations(
        () -> policy.validate(complete().with(EndUserField.MOBILE_NUMBER, value)),
        tuple(
            "mobile_number",
            "Enter a valid phone number in international format, e.g. +2348012345678."));
  }

  @Test
  void mobileNumberAcceptsEightToFifteenDigits() {
    assertThat(
            policy
                .validate(complete().with(EndUserField.MOBILE_NUMBER, "+12345678"))
                .mobileNumber())
        .isEqualTo("+12345678");
    assertThat(
            policy
                .validate(complete().with(EndUserField.MOBILE_NUMBER, "+123456789012345"))
                .mobileNumber())
        .isEqualTo("+123456789012345");
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "NGA", "N", "UK"})
  void countryMustBeAnIsoAlpha2Code(String value) {
    assertViolations(
        () -> policy.validate(complete().with(EndUserField.COUNTRY, value)),
        tuple("country", "\"" + value + "\" is not a valid ISO 3166-1 alpha-2 country code."));
  }

  @Test
  void bankAccountNumberIsLettersAndDigitsOfSensibleLength() {
    assertViolations(
        () ->
            policy.validate(
                complete()
                    .with(EndUserField.BANK_ACCOUNT_NUMBER, "0123-4567")
                    .with(EndUserField.SORT_CODE, "05")),
        tuple("bank_account_number", "Enter a valid bank account number: letters and digits only."),
        tuple("sort_code", "Ensure this field has at least 3 characters."));
    assertViolations(
        () ->
            policy.validate(
                complete()
                    .with(EndUserField.BANK_ACCOUNT_NUMBER, "123")
                    .with(EndUserField.SORT_CODE, "12-34-56")),
        tuple("bank_account_number", "Ensure this field has at least 4 characters."),
        tuple("sort_code", "Enter a valid sort code: letters and digits only."));
    assertViolations(
        () ->
            policy.validate(
                complete()
                    .with(EndUserField.BANK_ACCOUNT_NUMBER, "G".repeat(35))
                    .with(EndUserField.SORT_CODE, "DEUTDEFF5001")),
        tuple("bank_account_number", "Ensure this field has no more than 34 characters."),
        tuple("sort_code", "Ensure this field has no more than 11 characters."));
    assertThat(
            policy
                .validate(
                    complete()
                        .with(EndUserField.BANK_ACCOUNT_NUMBER, "GB82WEST12345698765432")
                        .with(EndUserField.SORT_CODE, "DEUTDEFF500"))
                .sortCode())
        .isEqualTo("DEUTDEFF500");
  }

  @Test
  void mergeChangesOnlyTheNamedFields() {
    EndUserDetails current =
        policy.validate(complete().with(EndUserField.EMAIL, "amina@example.ng"));

    EndUserDetails merged =
        policy.merge(
            current,
            EndUserInput.empty()
                .with(EndUserField.CITY, " Zaria ")
                .with(EndUserField.FIRST_NAME, "ignored: not in the mask"),
            EnumSet.of(EndUserField.CITY, EndUserField.EMAIL));

    assertThat(merged.city()).isEqualTo("Zaria");
    assertThat(merged.firstName()).isEqualTo("Amina");
    assertThat(merged.email()).as("named but absent: cleared").isNull();
    assertThat(merged.lastName()).isEqualTo("Okafor");
  }

  @Test
  void mergeRefusesToClearARequiredField() {
    EndUserDetails current = policy.validate(complete());
    assertViolations(
        () ->
            policy.merge(
                current,
                EndUserInput.empty().with(EndUserField.BIRTH_DATE, "2999-01-01"),
                Set.of(EndUserField.LAST_NAME, EndUserField.BIRTH_DATE)),
        tuple("last_name", "This field may not be null."),
        tuple("birth_date", "Birth date cannot be in the future."));
  }

  private static void assertViolations(
      ThrowingCallable call, org.assertj.core.groups.Tuple... expected) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field, FieldViolation::message)
                    .containsExactly(expected));
  }
}
