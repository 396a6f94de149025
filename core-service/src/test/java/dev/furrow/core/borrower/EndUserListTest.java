package dev.furrow.core.borrower;

import static dev.furrow.core.borrower.EndUserServiceTest.assertFieldViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc.EndUserServiceBlockingStub;
import dev.furrow.proto.lending.v1.ListEndUsersRequest;
import dev.furrow.proto.lending.v1.ListEndUsersResponse;
import dev.furrow.proto.partner.v1.ApiFace;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EndUserListTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static EndUserServiceBlockingStub lender;
  private static long lenderId;

  /**
   * Four end users of one partner, created (backdated in the database) in this order: Amina
   * 2023-01-10, Bello 2023-06-05, Dayo 2024-02-01, Chidi 2024-06-20; and an Amina Okafor of another
   * partner that no list of the first may show.
   */
  @BeforeAll
  static void fourEndUsersOfOnePartnerAndOneOfAnother() {
    CoreHarness.PartnerKey partner = core.newPartner("list", ApiFace.API_FACE_LENDING);
    lender = stub(partner.key());
    lenderId = partner.partnerId();
    create(lender, "Amina", "Okafor", "1988-07-21", "Kaduna", "amina@example.ng", "2023-01-10");
    create(lender, "Bello", "Okafor", "1990-03-02", "Kano", "bello@EXAMPLE.ng", "2023-06-05");
    create(lender, "Dayo", "Adeyemi", "1975-11-30", "Kaduna", "dayo@farm.co", "2024-02-01");
    create(lender, "Chidi", "Eze", "1992-07-09", "Lagos", null, "2024-06-20");

    EndUserServiceBlockingStub other =
        stub(core.newPartner("list-other", ApiFace.API_FACE_LENDING).key());
    create(other, "Amina", "Okafor", "1988-07-21", "Kaduna", "amina@example.ng", "2023-06-06");
  }

  @Test
  void listShowsOnlyTheCallersEndUsersNewestFirst() {
    ListEndUsersResponse all = list(Map.of());

    assertThat(firstNames(all)).containsExactly("Chidi", "Dayo", "Bello", "Amina");
    assertThat(all.getPage().getCount()).isEqualTo(4);
    assertThat(all.getPage().getLimit()).isEqualTo(20);
    assertThat(all.getPage().getOffset()).isZero();
  }

  @Test
  void exactMatchIsCaseSensitive() {
    assertThat(names(Map.of("last_name", "Okafor"))).containsExactly("Bello", "Amina");
    assertThat(names(Map.of("last_name", "okafor"))).isEmpty();
  }

  @Test
  void iexactIgnoresCase() {
    assertThat(names(Map.of("last_name__iexact", "OKAFOR"))).containsExactly("Bello", "Amina");
  }

  @Test
  void icontainsFindsPartsInAnyCase() {
    assertThat(names(Map.of("email__icontains", "example.NG"))).containsExactly("Bello", "Amina");
    assertThat(names(Map.of("email__contains", "example.ng"))).containsExactly("Amina");
  }

  @Test
  void inTakesCommaSeparatedValues() {
    assertThat(names(Map.of("city__in", "Kano, Lagos"))).containsExactly("Chidi", "Bello");
  }

  @Test
  void birthDateFiltersOnTheDateAndItsParts() {
    assertThat(names(Map.of("birth_date", "1990-03-02"))).containsExactly("Bello");
    assertThat(names(Map.of("birth_date__year", "1990"))).containsExactly("Bello");
    assertThat(names(Map.of("birth_date__month", "7"))).containsExactly("Chidi", "Amina");
    assertThat(names(Map.of("birth_date__gte", "1990-01-01"))).containsExactly("Chidi", "Bello");
    assertThat(names(Map.of("birth_date__year__lt", "1980"))).containsExactly("Dayo");
  }

  @Test
  void createdFiltersOnTheInstantAndItsUtcParts() {
    assertThat(names(Map.of("created__gte", "2024-01-01"))).containsExactly("Chidi", "Dayo");
    assertThat(names(Map.of("created__year", "2023"))).containsExactly("Bello", "Amina");
    assertThat(names(Map.of("created__month", "6"))).containsExactly("Chidi", "Bello");
    assertThat(
            names(
                Map.of("created__gte", "2023-06-05T09:30:00Z", "created__lt", "2024-06-20T09:30Z")))
        .as("gte includes its bound, lt excludes it")
        .containsExactly("Dayo", "Bello");
  }

  @Test
  void filtersCombineWithAnd() {
    assertThat(names(Map.of("city", "Kaduna", "last_name__iexact", "okafor")))
        .containsExactly("Amina");
  }

  @Test
  void sortNamesAnyFilterableField() {
    ListEndUsersResponse byName =
        lender.listEndUsers(
            ListEndUsersRequest.newBuilder()
                .setQuery(ListQuery.newBuilder().setSort("last_name,-first_name"))
                .build());
    assertThat(firstNames(byName)).containsExactly("Dayo", "Chidi", "Bello", "Amina");
  }

  @Test
  void pagesCountEveryMatchAndServeTheRequestedSlice() {
    ListEndUsersResponse first = page("3", "");
    assertThat(firstNames(first)).containsExactly("Chidi", "Dayo", "Bello");
    assertThat(first.getPage().getCount()).isEqualTo(4);
    assertThat(first.getPage().getLimit()).isEqualTo(3);
    assertThat(first.getPage().getOffset()).isZero();

    ListEndUsersResponse second = page("3", "3");
    assertThat(firstNames(second)).containsExactly("Amina");
    assertThat(second.getPage().getCount()).isEqualTo(4);
    assertThat(second.getPage().getOffset()).isEqualTo(3);

    ListEndUsersResponse beyond = page("3", "10");
    assertThat(beyond.getResultsList()).isEmpty();
    assertThat(beyond.getPage().getCount()).isEqualTo(4);
  }

  @Test
  void filteredPageCountsOnlyMatches() {
    ListEndUsersResponse okafor =
        lender.listEndUsers(
            ListEndUsersRequest.newBuilder()
                .setQuery(ListQuery.newBuilder().putFilters("last_name", "Okafor").setLimit("1"))
                .build());
    assertThat(firstNames(okafor)).containsExactly("Bello");
    assertThat(okafor.getPage().getCount()).isEqualTo(2);
  }

  @Test
  void unusableParametersAreFieldViolations() {
    assertFieldViolations(
        () ->
            list(
                Map.of(
                    "birth_date__year", "nineteen",
                    "created__gte", "yesterday",
                    "id", "42")),
        tuple("birth_date__year", "Enter a whole number."),
        tuple("created__gte", "Enter a valid date/time."),
        tuple("id", "Enter a valid UUID."));
  }

  /**
   * The default list of one partner over a created range must be answered from {@code
   * end_user_partner_created_idx}. The table holds a handful of rows here, for which a sequential
   * scan is the planner's right answer, so the transaction turns sequential scans off ({@code SET
   * LOCAL}, which ends with it): what the test then pins down is that the index can serve this
   * exact SQL, both the filter and the ORDER BY, rather than what the planner prefers at this size.
   */
  @Test
  void createdRangeOfOnePartnerIsReadThroughThePartnerCreatedIndex() {
    CompiledQuery query =
        EndUserRepository.FILTERS.compile(
            Map.of("created__gte", "2023-01-01", "created__lt", "2024-01-01"), null, null, null);

    List<String> plan =
        core.server()
            .jdbi()
            .inTransaction(
                h -> {
                  h.execute("SET LOCAL enable_seqscan = off");
                  return query
                      .bind(h.createQuery("EXPLAIN " + EndUserRepository.pageSql(query)))
                      .bind("partner", lenderId)
                      .bind("limit", query.limit())
                      .bind("offset", query.offset())
                      .mapTo(String.class)
                      .list();
                });

    String text = String.join("\n", plan);
    assertThat(text)
        .contains("Index Scan using end_user_partner_created_idx")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
  }

  private static ListEndUsersResponse list(Map<String, String> filters) {
    return lender.listEndUsers(
        ListEndUsersRequest.newBuilder()
            .setQuery(ListQuery.newBuilder().putAllFilters(filters))
            .build());
  }

  private static List<String> names(Map<String, String> filters) {
    return firstNames(list(filters));
  }

  private static ListEndUsersResponse page(String limit, String offset) {
    return lender.listEndUsers(
        ListEndUsersRequest.newBuilder()
            .setQuery(ListQuery.newBuilder().setLimit(limit).setOffset(offset))
            .build());
  }

  private static List<String> firstNames(ListEndUsersResponse response) {
    return response.getResultsList().stream().map(EndUser::getFirstName).toList();
  }

  private static EndUserServiceBlockingStub stub(String key) {
    return core.withApiKey(EndUserServiceGrpc.newBlockingStub(core.channel()), key);
  }

  private static void create(
      EndUserServiceBlockingStub stub,
      String firstName,
      String lastName,
      String birthDate,
      String city,
      String email,
      String createdOn) {
    EndUserInput.Builder input =
        EndUserServiceTest.complete()
            .setFirstName(firstName)
            .setLastName(lastName)
            .setBirthDate(birthDate)
            .setCity(city);
    if (email != null) {
      input.setEmail(email);
    }
    EndUser created =
        stub.createEndUser(CreateEndUserRequest.newBuilder().setEndUser(input).build());
    OffsetDateTime at = OffsetDateTime.parse(createdOn + "T09:30:00Z");
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE end_user SET created_at = :at, updated_at = :at WHERE id = :id")
                    .bind("at", at)
                    .bind("id", UUID.fromString(created.getId()))
                    .execute());
  }
}
