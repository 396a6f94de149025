package dev.furrow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jdbi.v3.core.Handle;

/**
 * Seeds pay-as-you-go contracts with set-based SQL straight into the tables (not through the API):
 * per contract an end user, an accepted application, a loan (the contract's loan account) and the
 * contract, for contract numbers {@code g = 1 .. count} with id {@code 1000 + g}. Shared by the
 * benchmarks that need contracts; the funding sources, the owner partner and (unless {@link
 * Spec#registerTractors}) the tractors must exist already.
 */
final class ContractSeed {
  /** Borrower first names, drawn per contract. */
  static final String[] FIRST = names("bench/payg-first-names.txt");

  /** Borrower last names, drawn per contract. */
  static final String[] LAST = names("bench/payg-last-names.txt");

  private ContractSeed() {}

  /**
   * What a seed varies. The {@code *Sql} fields are SQL expressions: the staging ones over the
   * contract number {@code g}, the term ones over {@code s.g} (the staging row {@code s}).
   *
   * @param owner the lender of record (products, end users, applications, loans, contracts)
   * @param count contracts to seed
   * @param statusSql contract status ({@code CURRENT}, {@code DELINQUENT} or {@code CLOSED})
   * @param sourceSql funding source code ({@code ifc} contracts are in KES, the others in NGN)
   * @param loanIdSql the contract's external loan reference
   * @param tractorIdSql the contract's tractor
   * @param registerTractors whether the seed inserts the tractors too (owned by {@code owner})
   * @param timeZone the contracts' IANA zone
   * @param loanStartSql {@code loan_start_date}
   * @param loanEndSql {@code loan_end_date}
   * @param createdAtSql {@code created_at} and {@code updated_at}
   * @param repaymentPerHectare the products' and contracts' rate, a decimal literal
   */
  record Spec(
      long owner,
      int count,
      String statusSql,
      String sourceSql,
      String loanIdSql,
      String tractorIdSql,
      boolean registerTractors,
      String timeZone,
      String loanStartSql,
      String loanEndSql,
      String createdAtSql,
      String repaymentPerHectare) {}

  /**
   * Runs the seed on the handle, printing each step's time; leaves the staging table {@code
   * bench_seed} (ids per contract) for the caller, who drops it with {@link #dropStaging}.
   */
  static void seed(Handle h, Spec spec) {
    String first = sqlArray(FIRST);
    String last = sqlArray(LAST);
    step(
        h,
        "ids",
        "CREATE UNLOGGED TABLE bench_seed AS SELECT g, gen_random_uuid() AS eu,"
            + " gen_random_uuid() AS app, gen_random_uuid() AS loan, "
            + spec.statusSql()
            + " AS status, "
            + spec.sourceSql()
            + " AS source,"
            // names drawn independently per contract, so a full name is shared by a few
            + " 1 + (hashtext('f' || g)::bigint & 2147483647) % "
            + FIRST.length
            + " AS fi, 1 + (hashtext('l' || g)::bigint & 2147483647) % "
            + LAST.length
            + " AS li, "
            + spec.loanIdSql()
            + " AS loan_id, "
            + spec.tractorIdSql()
            + " AS tractor_id FROM generate_series(1, "
            + spec.count()
            + ") g");
    step(
        h,
        "products",
        "INSERT INTO product (partner_id, type, name, currency,"
            + " repayment_per_hectare, billing_due_days, published_at, created_at, updated_at)"
            + " SELECT "
            + spec.owner()
            + ", 'pay_as_you_go', 'Pay-as-you-go contracts (' || c || ')', c, "
            + spec.repaymentPerHectare()
            + ", 7, now(), now(), now() FROM unnest(ARRAY['NGN','KES']) c");
    if (spec.registerTractors()) {
      step(
          h,
          "tractors",
          "INSERT INTO tractor (tractor_id, partner_id) SELECT tractor_id, "
              + spec.owner()
              + " FROM bench_seed");
    }
    step(
        h,
        "end users",
        "INSERT INTO end_user (id, partner_id, first_name, last_name,"
            + " birth_date, address_line_1, address_line_2, city, postal_code,"
            + " bank_account_number, sort_code, created_at, updated_at)"
            + " SELECT eu, "
            + spec.owner()
            + ", ("
            + first
            + ")[fi],"
            + " ("
            + last
            + ")[li],"
            + " DATE '1980-01-01', 'Not provided', 'Not provided', 'Not provided', '0', '0000',"
            + " '000', now(), now() FROM bench_seed");
    step(
        h,
        "applications",
        "INSERT INTO application (id, partner_id, product_id,"
            + " end_user_id, status, amount, rate, reason, processing_finished_at, created_at,"
            + " updated_at) SELECT s.app, "
            + spec.owner()
            + ", p.id, s.eu, 'accepted',"
            + " 800000.00 + (s.g % 1000) * 1000, 0, 'Seeded', now(), now(), now()"
            + " FROM bench_seed s JOIN product p ON p.partner_id = "
            + spec.owner()
            + " AND p.currency = CASE WHEN s.source = 'ifc' THEN 'KES' ELSE 'NGN' END");
    step(
        h,
        "loans",
        "INSERT INTO loan (id, partner_id, application_id, end_user_id,"
            + " product_id, amount, interest_rate, currency, status, principal, interest, fee,"
            + " pending_principal, pending_interest, pending_fee, interest_calculation_enabled,"
            + " created_at, updated_at)"
            + " SELECT s.loan, a.partner_id, a.id, a.end_user_id, a.product_id, a.amount, 0,"
            + " p.currency, CASE s.status WHEN 'CLOSED' THEN 'paid_off' WHEN 'DELINQUENT'"
            + " THEN 'in_arrears' ELSE 'active' END,"
            + " CASE WHEN s.status = 'CLOSED' THEN 0 ELSE a.amount END, 0,"
            + " CASE WHEN s.status = 'CLOSED' THEN 0 ELSE 400000.00 END, 0, 0, 0, false,"
            + " now(), now()"
            + " FROM bench_seed s JOIN application a ON a.id = s.app"
            + " JOIN product p ON p.id = a.product_id");
    step(
        h,
        "contracts",
        "INSERT INTO contract (id, loan_id, loan_account_id, partner_id,"
            + " funding_source, tractor_id, name, loaner, status, equipment_cost,"
            + " principal_amount, total_repayment_amount, remaining_contract_value,"
            + " repayment_per_hectare, minimum_weekly_payment, currency, time_zone,"
            + " loan_start_date, loan_end_date, invoice_due_days, delinquency_tolerance_days,"
            + " created_at, updated_at)"
            + " SELECT 1000 + s.g, s.loan_id, s.loan, "
            + spec.owner()
            + ","
            + " s.source, s.tractor_id,"
            + " e.last_name || ' Farm ' || lpad(((s.g * 7) % 1000)::text, 3, '0'),"
            + " e.first_name || ' ' || e.last_name, s.status, a.amount + 200000.00, 200000.00,"
            + " a.amount + 400000.00,"
            + " CASE WHEN s.status = 'CLOSED' THEN 0 ELSE a.amount + 400000.00 END, "
            + spec.repaymentPerHectare()
            + ", 0, l.currency, '"
            + spec.timeZone().replace("'", "''")
            + "', "
            + spec.loanStartSql()
            + ", "
            + spec.loanEndSql()
            + ", 7, 7, "
            + spec.createdAtSql()
            + ", "
            + spec.createdAtSql()
            + " FROM bench_seed s JOIN end_user e ON e.id = s.eu JOIN application a"
            + " ON a.id = s.app JOIN loan l ON l.id = s.loan");
  }

  /** Drops the staging table {@link #seed} leaves. */
  static void dropStaging(Handle h) {
    h.execute("DROP TABLE bench_seed");
  }

  /** Runs one statement, printing how long it took. */
  static void step(Handle h, String what, String sql) {
    long t = System.nanoTime();
    h.execute(sql);
    System.out.printf("  %-22s %6.1f s%n", what, (System.nanoTime() - t) / 1e9);
  }

  /** A classpath resource as text. */
  static String resource(String path) throws IOException {
    try (InputStream in = ContractSeed.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String[] names(String resource) {
    try {
      return resource(resource)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sqlArray(String[] values) {
    return "ARRAY['" + String.join("','", values) + "']";
  }
}
