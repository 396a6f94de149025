package dev.furrow.core.contract;

import static dev.furrow.core.GrpcAssertions.assertStatus;
import static dev.furrow.core.GrpcAssertions.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.furrow.core.CoreHarness;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.ContractServiceGrpc.ContractServiceBlockingStub;
import dev.furrow.proto.payg.v1.FxRate;
import dev.furrow.proto.payg.v1.GetContractRequest;
import dev.furrow.proto.payg.v1.ListContractsRequest;
import dev.furrow.proto.payg.v1.ListContractsResponse;
import dev.furrow.proto.payg.v1.ListFxRatesRequest;
import dev.furrow.proto.payg.v1.PaygListQuery;
import dev.furrow.proto.payg.v1.SetFxRateRequest;
import io.grpc.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContractListTest {
  @RegisterExtension static final CoreHarness CORE = new CoreHarness();

  private static PaygContracts world;
  private static ContractServiceBlockingStub boaReader;
  private static ContractServiceBlockingStub bothReader;
  private static ContractServiceBlockingStub outsider;
  private static Contract alpha;
  private static Contract beta;
  private static Contract gamma;
  private static Contract delta;

  @BeforeAll
  static void setUp() {
    world = new PaygContracts(CORE);
    world.fundingSource("boa", "Bank of Agriculture");
    world.fundingSource("ifc", "Investment Fund");
    alpha =
        world.create(
            world
                .request("LOAN-A-001")
                .setName("Operator Alpha")
                .setLoaner("Amina Okafor")
                .setEquipmentCost("900000")
                .setPrincipalAmount("100000")
                .setTotalRepaymentAmount("850000.00"));
    beta =
        world.create(
            world
                .request("LOAN-B-002")
                .setName("Operator Beta")
                .setLoaner("John Kamau")
                .setCurrency("KES")
                .setLoanStartDate("2025-03-01"));
    gamma =
        world.create(
            world
                .request("LOAN-C-003")
                .setName("Operator Gamma")
                .setLoaner("Musa Bello")
                .setFundingSource("ifc"));
    delta =
        world.create(
            world
                .request("LOAN-D-004")
                .setName("Operator Delta")
                .setLoaner("Ngozi Eze")
                .setEquipmentCost("3000000")
                .setPrincipalAmount("0")
                .setTotalRepaymentAmount("3500000"));
    CORE.server()
        .jdbi()
        .useTransaction(
            h -> {
              h.execute(
                  "UPDATE loan SET status = 'in_arrears' WHERE id = CAST(? AS uuid)",
                  delta.getLoanAccountId());
              ContractStatuses.refresh(h, delta.getId(), LocalDate.of(2026, 1, 1));
            });
    boaReader = world.reader("boa");
    bothReader = world.reader("boa", "ifc");
    outsider = world.reader();
    world.admin.setFxRate(
        SetFxRateRequest.newBuilder()
            .setCurrency("NGN")
            .setUnitsPerUsd("1530.25")
            .setEffectiveFrom(Timestamp.newBuilder().setSeconds(1_577_836_800L)) // 2020-01-01
            .build());
  }

  private static ListContractsResponse list(ContractServiceBlockingStub stub, PaygListQuery q) {
    return stub.listContracts(ListContractsRequest.newBuilder().setQuery(q).build());
  }

  private static List<String> loanIds(ListContractsResponse r) {
    return r.getResultsList().stream().map(Contract::getLoanId).toList();
  }

  private static PaygListQuery.Builder query() {
    return PaygListQuery.newBuilder();
  }

  @Test
  void aReaderSeesOnlyTheContractsOfItsFundingSourcesNewestFirst() {
    ListContractsResponse r = list(boaReader, query().build());
    assertThat(loanIds(r)).containsExactly("LOAN-D-004", "LOAN-B-002", "LOAN-A-001");
    assertThat(r.getPage().getCount()).isEqualTo(3);
    assertThat(r.getPage().getPage()).isEqualTo(1);
    assertThat(r.getPage().getLimit()).isEqualTo(25);
    assertThat(loanIds(list(bothReader, query().build())))
        .containsExactly("LOAN-D-004", "LOAN-C-003", "LOAN-B-002", "LOAN-A-001");
  }

  @Test
  void aReaderWithoutEntitlementsSeesNothingAndGetsNotFound() {
    ListContractsResponse r = list(outsider, query().build());
    assertThat(r.getResultsList()).isEmpty();
    assertThat(r.getPage().getCount()).isZero();
    assertStatus(
        () ->
            outsider.getContract(GetContractRequest.newBuilder().setId("" + alpha.getId()).build()),
        Status.Code.NOT_FOUND,
        "Not found.");
  }

  @Test
  void aContractOfAnotherFundingSourceIsNotFoundLikeAMissingOne() {
    for (String id : List.of("" + gamma.getId(), "999999", "abc", "", "-1")) {
      assertStatus(
          () -> boaReader.getContract(GetContractRequest.newBuilder().setId(id).build()),
          Status.Code.NOT_FOUND,
          "Not found.");
    }
    assertThat(
            bothReader
                .getContract(GetContractRequest.newBuilder().setId("" + gamma.getId()).build())
                .getLoanId())
        .isEqualTo("LOAN-C-003");
  }

  @Test
  void detailShowsEveryFieldWithTheUsdSnapshotAtTheRateInForce() {
    Contract c =
        boaReader.getContract(GetContractRequest.newBuilder().setId("" + alpha.getId()).build());
    assertThat(c.getLoanId()).isEqualTo("LOAN-A-001");
    assertThat(c.getName()).isEqualTo("Operator Alpha");
    assertThat(c.getLoaner()).isEqualTo("Amina Okafor");
    assertThat(c.getFundingSource()).isEqualTo("boa");
    assertThat(c.getStatus()).isEqualTo("CURRENT");
    assertThat(c.getEquipmentCost()).isEqualTo("900000.00");
    assertThat(c.getPrincipalAmount()).isEqualTo("100000.00");
    assertThat(c.getTotalRepaymentAmount()).isEqualTo("850000.00");
    assertThat(c.getRemainingContractValue()).isEqualTo("850000.00");
    assertThat(c.getCurrency()).isEqualTo("NGN");
    assertThat(c.getLoanStartDate()).isEqualTo("2025-01-15");
    assertThat(c.getLoanEndDate()).isEqualTo("2027-01-15");
    assertThat(c.getRepaymentPerHectare()).isEqualTo("45000.00");
    // 850000.00 / 1530.25 = 555.4647..., half-even to cents
    assertThat(c.getUsdSnapshot()).isEqualTo("555.46");
    assertThat(c.getUsdSnapshotUnavailable()).isEmpty();
  }

  @Test
  void withoutARateTheUsdSnapshotIsEmptyAndSaysWhy() {
    Contract c =
        boaReader.getContract(GetContractRequest.newBuilder().setId("" + beta.getId()).build());
    assertThat(c.getUsdSnapshot()).isEmpty();
    assertThat(c.getUsdSnapshotUnavailable())
        .matches("No USD rate for KES in force at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\.");
  }

  @Test
  void aRateEffectiveInTheFutureIsNotYetInForce() {
    world.admin.setFxRate(
        SetFxRateRequest.newBuilder()
            .setCurrency("KES")
            .setUnitsPerUsd("129.5")
            .setEffectiveFrom(Timestamp.newBuilder().setSeconds(4_102_444_800L)) // 2100-01-01
            .build());
    Contract c =
        boaReader.getContract(GetContractRequest.newBuilder().setId("" + beta.getId()).build());
    assertThat(c.getUsdSnapshot()).isEmpty();
    List<FxRate> rates =
        world
            .admin
            .listFxRates(ListFxRatesRequest.newBuilder().setCurrency("KES").build())
            .getRatesList();
    assertThat(rates).extracting(FxRate::getUnitsPerUsd).containsExactly("129.50");
  }

  @Test
  void badFxRatesAreRefused() {
    assertThat(
            fieldViolations(
                () ->
                    world.admin.setFxRate(
                        SetFxRateRequest.newBuilder()
                            .setCurrency("ngn")
                            .setUnitsPerUsd("0")
                            .build())))
        .containsOnly(
            Map.entry("currency", "\"ngn\" is not a valid choice."),
            Map.entry(
                "units_per_usd", "Ensure this value is greater than or equal to 0.00000001."));
  }

  @Test
  void filtersByStatusCurrencyAndFundingSource() {
    assertThat(loanIds(list(bothReader, query().putFilters("status", "DELINQUENT").build())))
        .containsExactly("LOAN-D-004");
    assertThat(loanIds(list(bothReader, query().putFilters("currency", "KES").build())))
        .containsExactly("LOAN-B-002");
    assertThat(loanIds(list(bothReader, query().putFilters("funding_source", "ifc").build())))
        .containsExactly("LOAN-C-003");
    assertThat(loanIds(list(boaReader, query().putFilters("funding_source", "ifc").build())))
        .isEmpty();
    ListContractsResponse combined =
        list(
            bothReader,
            query()
                .putFilters("status", "CURRENT")
                .putFilters("funding_source", "boa")
                .putFilters("currency", "NGN")
                .build());
    assertThat(loanIds(combined)).containsExactly("LOAN-A-001");
    assertThat(combined.getPage().getCount()).isEqualTo(1);
  }

  @Test
  void searchMatchesAnySearchableFieldOrTheOneNamed() {
    assertThat(loanIds(list(bothReader, query().setSearch("kamau").build())))
        .containsExactly("LOAN-B-002");
    assertThat(loanIds(list(bothReader, query().setSearch("c-003").build())))
        .containsExactly("LOAN-C-003");
    assertThat(loanIds(list(bothReader, query().setSearch("OPERATOR").setSearchby("name").build())))
        .hasSize(4);
    assertThat(
            loanIds(list(bothReader, query().setSearch("Operator").setSearchby("loaner").build())))
        .isEmpty();
    String tractor = gamma.getTractorId();
    assertThat(
            loanIds(list(bothReader, query().setSearch(tractor).setSearchby("tractor_id").build())))
        .containsExactly("LOAN-C-003");
    assertThat(loanIds(list(bothReader, query().setSearch("%").build()))).isEmpty();
  }

  @Test
  void orderingByAnyWhitelistedFieldEitherWay() {
    assertThat(loanIds(list(bothReader, query().setOrdering("remaining_contract_value").build())))
        .containsExactly("LOAN-A-001", "LOAN-B-002", "LOAN-C-003", "LOAN-D-004");
    assertThat(loanIds(list(bothReader, query().setOrdering("-equipment_cost").build())))
        .containsExactly("LOAN-D-004", "LOAN-C-003", "LOAN-B-002", "LOAN-A-001");
    assertThat(loanIds(list(bothReader, query().setOrdering("-loan_start_date,loan_id").build())))
        .containsExactly("LOAN-B-002", "LOAN-A-001", "LOAN-C-003", "LOAN-D-004");
    assertThat(loanIds(list(bothReader, query().setOrdering("loaner").build())))
        .containsExactly("LOAN-A-001", "LOAN-B-002", "LOAN-C-003", "LOAN-D-004");
    assertThat(loanIds(list(bothReader, query().setOrdering("id").build())))
        .containsExactly("LOAN-A-001", "LOAN-B-002", "LOAN-C-003", "LOAN-D-004");
  }

  @Test
  void pagesSplitTheOrderedResultAndKeepTheCount() {
    ListContractsResponse second =
        list(bothReader, query().setPage("2").setLimit("3").setOrdering("id").build());
    assertThat(loanIds(second)).containsExactly("LOAN-D-004");
    assertThat(second.getPage().getCount()).isEqualTo(4);
    assertThat(second.getPage().getPage()).isEqualTo(2);
    assertThat(second.getPage().getLimit()).isEqualTo(3);
    ListContractsResponse beyond = list(bothReader, query().setPage("9").setLimit("3").build());
    assertThat(beyond.getResultsList()).isEmpty();
    assertThat(beyond.getPage().getCount()).isEqualTo(4);
  }

  @Test
  void aSearchedListCountsEveryMatchOnEveryPageAndPastTheEnd() {
    ListContractsResponse first =
        list(
            bothReader,
            query()
                .setSearch("operator")
                .setSearchby("name")
                .setLimit("3")
                .setOrdering("id")
                .build());
    assertThat(loanIds(first)).containsExactly("LOAN-A-001", "LOAN-B-002", "LOAN-C-003");
    assertThat(first.getPage().getCount()).isEqualTo(4);
    ListContractsResponse second =
        list(
            bothReader,
            query()
                .setSearch("operator")
                .setSearchby("name")
                .setPage("2")
                .setLimit("3")
                .setOrdering("id")
                .build());
    assertThat(loanIds(second)).containsExactly("LOAN-D-004");
    assertThat(second.getPage().getCount()).isEqualTo(4);
    ListContractsResponse beyond =
        list(
            bothReader,
            query().setSearch("operator").setSearchby("name").setPage("9").setLimit("3").build());
    assertThat(beyond.getResultsList()).isEmpty();
    assertThat(beyond.getPage().getCount()).isEqualTo(4);
    ListContractsResponse none = list(bothReader, query().setSearch("no such name").build());
    assertThat(none.getResultsList()).isEmpty();
    assertThat(none.getPage().getCount()).isZero();
  }

  @Test
  void aWholeIdentifierIsFoundOverAllFieldsAndByItsField() {
    world.fundingSource("afdb", "Development Bank");
    world.create(
        world.request("LN-2025-000123").setLoaner("Halima Yusuf").setFundingSource("afdb"));
    world.create(
        world.request("LN-2024-000123").setLoaner("Halima Yusuf").setFundingSource("afdb"));
    ContractServiceBlockingStub afdbReader = world.reader("afdb");
    ListContractsResponse all = list(afdbReader, query().setSearch("ln-2025-000123").build());
    assertThat(loanIds(all)).containsExactly("LN-2025-000123");
    assertThat(all.getPage().getCount()).isEqualTo(1);
    assertThat(
            loanIds(
                list(afdbReader, query().setSearch("2025-000123").setSearchby("loan_id").build())))
        .containsExactly("LN-2025-000123");
    assertThat(
            loanIds(list(afdbReader, query().setSearch("000123").setOrdering("loan_id").build())))
        .containsExactly("LN-2024-000123", "LN-2025-000123");
    assertThat(list(afdbReader, query().setSearch("LN-2026-000123").build()).getPage().getCount())
        .isZero();
    assertThat(loanIds(list(bothReader, query().setSearch("LN-2025-000123").build()))).isEmpty();
  }

  @Test
  void everyBadParameterIsNamedWithItsProblem() {
    assertThat(
            fieldViolations(
                () ->
                    list(
                        boaReader,
                        query()
                            .setPage("0")
                            .setLimit("101")
                            .setSearchby("phone")
                            .setOrdering("-x")
                            .putFilters("status", "OPEN")
                            .putFilters("colour", "red")
                            .build())))
        .containsOnly(
            Map.entry("page", "Ensure this value is greater than or equal to 1."),
            Map.entry("limit", "Ensure this value is less than or equal to 100."),
            Map.entry(
                "searchby",
                "Unknown search field 'phone'. Use one of: loan_id, name, loaner, tractor_id."),
            Map.entry(
                "ordering",
                "Unknown ordering field 'x'. Use one of: created_at, loan_start_date,"
                    + " loan_end_date, remaining_contract_value, total_repayment_amount,"
                    + " equipment_cost, loan_id, name, loaner, id."),
            Map.entry("status", "Select a valid choice. OPEN is not one of the available choices."),
            Map.entry(
                "colour",
                "Unknown filter 'colour'. Use one of: status, currency, funding_source."));
    assertThat(fieldViolations(() -> list(boaReader, query().setPage("x").setLimit("1.5").build())))
        .containsOnly(
            Map.entry("page", "A valid integer is required."),
            Map.entry("limit", "A valid integer is required."));
  }
}
