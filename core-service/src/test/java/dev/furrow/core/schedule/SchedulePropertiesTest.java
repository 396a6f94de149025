package dev.furrow.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.product.EarlyRepaymentRecalculation;
import dev.furrow.core.product.HolidayScheduling;
import dev.furrow.core.product.InterestCalculation;
import dev.furrow.core.product.RepaymentDateType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of every schedule, whatever the terms, dates and holidays. */
class SchedulePropertiesTest {

  record Case(
      BigDecimal principal,
      ScheduleTerms terms,
      LocalDate disbursedOn,
      RepaymentRule rule,
      HolidayCalendar calendar) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<BigDecimal> principal =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("0.01"), new BigDecimal("50000000.00"))
            .ofScale(2);
    Arbitrary<BigDecimal> rate =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(4);
    Arbitrary<Integer> count = Arbitraries.integers().between(1, 72);
    Arbitrary<LocalDate> start =
        Arbitraries.integers().between(0, 3650).map(d -> LocalDate.parse("2024-01-01").plusDays(d));
    Arbitrary<RepaymentRule> rule =
        Combinators.combine(
                Arbitraries.of(RepaymentDateType.class).injectNull(0.2),
                Arbitraries.integers().between(1, 31),
                Arbitraries.of(HolidayScheduling.class).injectNull(0.2))
            .as(
                (type, day, scheduling) ->
                    new RepaymentRule(
                        type, type == RepaymentDateType.DAY_OF_MONTH ? day : null, scheduling));
    Arbitrary<Set<LocalDate>> holidays =
        Arbitraries.integers()
            .between(0, 4000)
            .map(d -> LocalDate.parse("2024-01-01").plusDays(d))
            .set()
            .ofMaxSize(400);
    Arbitrary<ScheduleTerms> terms =
        Combinators.combine(
                rate,
                Arbitraries.of(InterestCalculation.class),
                Arbitraries.of(EarlyRepaymentRecalculation.class),
                count,
                Arbitraries.integers().between(0, 71),
                Arbitraries.integers().between(0, 71),
                Arbitraries.of(true, false),
                Arbitraries.of(0, 2))
            .as(
                (r, method, recalc, n, g, pg, holidaysToo, units) ->
                    new ScheduleTerms(r, method, recalc, n, g % n, pg % n, holidaysToo, units));
    return Combinators.combine(principal, terms, start, rule, holidays)
        .as(
            (p, t, s, r, h) ->
                new Case(
                    t.minorUnits() == 0
                        ? p.setScale(0, java.math.RoundingMode.DOWN).max(BigDecimal.ONE).setScale(2)
                        : p,
                    t,
                    s,
                    r,
                    HolidayCalendar.of("NG", h)));
  }

  private static List<Instalment> generate(Case c) {
    List<LocalDate> dates =
        RepaymentDates.dueDates(c.disbursedOn(), c.terms().installments(), c.rule(), c.calendar());
    return ScheduleCalculator.generate(
        c.principal(),
        ScheduleCalculator.periods(c.disbursedOn(), dates, c.terms(), c.calendar()),
        c.terms());
  }

  @Property(tries = 300)
  void principalPartsAddUpExactlyToThePrincipal(@ForAll("cases") Case c) {
    List<Instalment> schedule = generate(c);
    assertThat(schedule).hasSize(c.terms().installments());
    assertThat(Tables.sum(schedule, Instalment::principal)).isEqualByComparingTo(c.principal());
  }

  @Property(tries = 300)
  void noAmountIsNegativeAndEveryAmountIsInTheMinorUnit(@ForAll("cases") Case c) {
    BigDecimal unit = BigDecimal.ONE.movePointLeft(c.terms().minorUnits());
    for (Instalment i : generate(c)) {
      assertThat(i.principal().signum()).isNotNegative();
      assertThat(i.interest().signum()).isNotNegative();
      assertThat(i.principal().remainder(unit)).isEqualByComparingTo("0");
      assertThat(i.interest().remainder(unit)).isEqualByComparingTo("0");
    }
  }

  @Property(tries = 300)
  void evenTotalInstalmentsAreEqualExceptTheLast(@ForAll("cases") Case c) {
    if (c.terms().method() != InterestCalculation.EVEN_TOTAL
        || c.terms().graceInstalments() > 0
        || c.terms().principalGrace() > 0) {
      return;
    }
    List<Instalment> schedule = generate(c);
    List<Instalment> allButLast = schedule.subList(0, schedule.size() - 1);
    // Equal unless the balance ran out before the last (a tiny principal at a high rate).
    if (allButLast.stream().allMatch(i -> i.principal().signum() > 0)) {
      assertThat(allButLast.stream().map(Instalment::total).distinct()).hasSizeLessThanOrEqualTo(1);
    }
  }

  @Property(tries = 500)
  void dueDatesStrictlyIncreaseAndAreBusinessDaysUnlessLeftOnTheDay(@ForAll("cases") Case c) {
    List<LocalDate> dates =
        RepaymentDates.dueDates(c.disbursedOn(), c.terms().installments(), c.rule(), c.calendar());
    LocalDate previous = c.disbursedOn();
    boolean onDay =
        (c.rule().type() == null || c.rule().type() == RepaymentDateType.DAY_OF_MONTH)
            && (c.rule().scheduling() == null || c.rule().scheduling() == HolidayScheduling.ON_DAY);
    for (LocalDate date : dates) {
      assertThat(date).isAfter(previous);
      if (!onDay) {
        assertThat(c.calendar().isBusinessDay(date)).as("%s is a business day", date).isTrue();
      }
      previous = date;
    }
  }

  @Property(tries = 300)
  void earlyRepaymentKeepsThePrincipalAndNeverPaysMoreThanAsked(
      @ForAll("cases") Case c, @ForAll("fractions") BigDecimal share) {
    List<Instalment> schedule = generate(c);
    if (schedule.size() < 2) {
      return;
    }
    BigDecimal future = Tables.sum(schedule.subList(1, schedule.size()), Instalment::principal);
    BigDecimal amount =
        future
            .multiply(share)
            .setScale(c.terms().minorUnits(), java.math.RoundingMode.DOWN)
            .setScale(2);
    if (amount.signum() == 0) {
      return;
    }
    List<Instalment> after = EarlyRepaymentRecalculator.recalculate(schedule, 0, amount, c.terms());
    assertThat(Tables.sum(after, Instalment::principal)).isEqualByComparingTo(c.principal());
    assertThat(Tables.sum(after, Instalment::paidPrincipal)).isEqualByComparingTo(amount);
    assertThat(after.size()).isLessThanOrEqualTo(schedule.size());
    if (c.terms().recalculation() == EarlyRepaymentRecalculation.REDUCED_INSTALMENTS
        && amount.compareTo(future) < 0) {
      assertThat(after).hasSameSizeAs(schedule);
    }
  }

  @Provide
  Arbitrary<BigDecimal> fractions() {
    return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4);
  }
}
