package dev.furrow.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.query.FieldType;
import dev.furrow.core.query.FilterField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The list's whitelist is the reference's list of application filters, field for field. */
class ApplicationFiltersTest {
  @Test
  void fieldsAndTypesAreTheReferences() {
    Map<String, FieldType> expected = new LinkedHashMap<>();
    expected.put("id", FieldType.UUID);
    expected.put("created", FieldType.DATETIME);
    expected.put("updated", FieldType.DATETIME);
    expected.put("status", FieldType.TEXT);
    expected.put("product", FieldType.REFERENCE);
    expected.put("end_user", FieldType.REFERENCE);
    expected.put("amount", FieldType.DECIMAL);
    expected.put("installments", FieldType.INTEGER);
    expected.put("rate", FieldType.DECIMAL);
    expected.put("reason", FieldType.TEXT);
    expected.put("processing_finished_at", FieldType.DATETIME);
    expected.put("end_user__id", FieldType.UUID);
    expected.put("end_user__created", FieldType.DATETIME);
    expected.put("end_user__updated", FieldType.DATETIME);
    expected.put("end_user__birth_date", FieldType.DATE);
    for (String text :
        new String[] {
          "first_name", "last_name", "address_line_1", "address_line_2", "address_line_3", "city",
          "postal_code", "country", "bank_account_number", "sort_code", "mobile_number", "email"
        }) {
      expected.put("end_user__" + text, FieldType.TEXT);
    }

    assertThat(
            ApplicationRepository.FILTERS.fields().stream()
                .collect(Collectors.toMap(FilterField::name, FilterField::type)))
        .isEqualTo(expected);
  }

  @Test
  void everyParameterOfTheReferenceIsAccepted() {
    // 11 application fields and 16 end user fields; the reference documents 254 parameters.
    assertThat(ApplicationRepository.FILTERS.parameterNames())
        .hasSize(254)
        .contains(
            "status__in",
            "product__gte",
            "processing_finished_at__day__in",
            "end_user__birth_date__year__lt",
            "end_user__mobile_number__icontains");
  }
}
