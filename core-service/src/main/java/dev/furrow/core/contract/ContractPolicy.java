package dev.furrow.core.contract;

import dev.furrow.core.error.DecimalRule;
import dev.furrow.core.error.Violations;
import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/** Checks a CreateContract request field by field, reporting every problem at once. */
public final class ContractPolicy {
  /** Days from an invoice's issue to its due date when the request names none. */
  public static final int DEFAULT_INVOICE_DUE_DAYS = 7;

  /** Days past due before a contract is DELINQUENT when the request names none. */
  public static final int DEFAULT_DELINQUENCY_TOLERANCE_DAYS = 7;

  static final String REQUIRED = "This field is required.";

  private static final DecimalRule POSITIVE_MONEY =
      new DecimalRule(2, new BigDecimal("0.01"), null);
  private static final DecimalRule MONEY = new DecimalRule(2, BigDecimal.ZERO, null);
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /** The validated terms, or every violation. */
  public ContractTerms validate(ContractInput in) {
    Violations v = new Violations();
    v.check(in.ownerPartnerId() <= 0, "owner_partner_id", REQUIRED);
    String loanId = text("loan_id", in.loanId(), 64, v);
    String name = text("name", in.name(), 200, v);
    String loaner = text("loaner", in.loaner(), 200, v);
    String source = text("funding_source", in.fundingSource(), 64, v);
    String tractor = text("tractor_id", in.tractorId(), 64, v);
    BigDecimal cost = money("equipment_cost", in.equipmentCost(), POSITIVE_MONEY, v);
    BigDecimal down = money("principal_amount", in.principalAmount(), MONEY, v);
    BigDecimal total =
        money("total_repayment_amount", in.totalRepaymentAmount(), POSITIVE_MONEY, v);
    BigDecimal rate = money("repayment_per_hectare", in.repaymentPerHectare(), POSITIVE_MONEY, v);
    BigDecimal minimum =
        blank(in.minimumWeeklyPayment())
            ? Decimals.money(BigDecimal.ZERO)
            : money("minimum_weekly_payment", in.minimumWeeklyPayment(), MONEY, v);
    String currency = currency(in.currency(), v);
    LocalDate start = date("loan_start_date", in.loanStartDate(), v);
    LocalDate end = date("loan_end_date", in.loanEndDate(), v);
    String zone = zone(in.timeZone(), v);
    int dueDays = days("invoice_due_days", in.invoiceDueDays(), DEFAULT_INVOICE_DUE_DAYS, v);
    int tolerance =
        days(
            "delinquency_tolerance_days",
            in.delinquencyToleranceDays(),
            DEFAULT_DELINQUENCY_TOLERANCE_DAYS,
            v);
    if (source != null && !CODE.matcher(source).matches()) {
      v.add("funding_source", "Enter a valid funding source code.");
    }
    if (cost != null && down != null && down.compareTo(cost) >= 0) {
      v.add("principal_amount", "Ensure the down payment is less than equipment_cost.");
    } else if (cost != null && down != null && total != null) {
      BigDecimal financed = cost.subtract(down);
      v.check(
          total.compareTo(financed) < 0,
          "total_repayment_amount",
          "Ensure this value is greater than or equal to the financed amount"
              + " (equipment_cost - principal_amount = "
              + financed.toPlainString()
              + ").");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      v.add("loan_end_date", "Ensure this date is after loan_start_date.");
    }
    v.throwIfAny();
    return new ContractTerms(
        in.ownerPartnerId(),
        loanId,
        name,
        loaner,
        source,
        tractor,
        cost,
        down,
        total,
        rate,
        minimum,
        currency,
        start,
        end,
        zone,
        dueDays,
        tolerance);
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  @Nullable
  private static String text(String field, @Nullable String raw, int max, Violations v) {
    if (blank(raw)) {
      v.add(field, REQUIRED);
      return null;
    }
    String value = raw.strip();
    if (value.length() > max) {
      v.add(field, "Ensure this field has no more than " + max + " characters.");
      return null;
    }
    return value;
  }

  @Nullable
  private static BigDecimal money(
      String field, @Nullable String raw, DecimalRule rule, Violations v) {
    if (blank(raw)) {
      v.add(field, REQUIRED);
      return null;
    }
    BigDecimal value = rule.read(field, raw, v);
    return value == null ? null : Decimals.money(value);
  }

  @Nullable
  private static String currency(@Nullable String raw, Violations v) {
    if (blank(raw)) {
      v.add("currency", REQUIRED);
      return null;
    }
    String code = raw.strip();
    boolean known = false;
    if (CURRENCY.matcher(code).matches()) {
      try {
        known = Currency.getInstance(code).getDefaultFractionDigits() >= 0;
      } catch (IllegalArgumentException e) {
        known = false;
      }
    }
    if (!known) {
      v.add("currency", "\"" + code + "\" is not a valid choice.");
      return null;
    }
    return code;
  }

  @Nullable
  private static LocalDate date(String field, @Nullable String raw, Violations v) {
    if (blank(raw)) {
      v.add(field, REQUIRED);
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      v.add(field, "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
      return null;
    }
  }

  private static String zone(@Nullable String raw, Violations v) {
    if (blank(raw)) {
      return "UTC";
    }
    String id = raw.strip();
    try {
      if (id.equals("UTC") || ZoneId.getAvailableZoneIds().contains(id)) {
        return ZoneId.of(id).getId();
      }
    } catch (DateTimeException e) {
      // reported below
    }
    v.add("time_zone", "\"" + id + "\" is not a valid IANA time zone.");
    return "UTC";
  }

  private static int days(String field, @Nullable Integer raw, int absent, Violations v) {
    if (raw == null) {
      return absent;
    }
    if (raw < 0) {
      v.add(field, "Ensure this value is greater than or equal to 0.");
    } else if (raw > 365) {
      v.add(field, "Ensure this value is less than or equal to 365.");
    }
    return raw;
  }
}
