package dev.furrow.core.loan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the loan rules plain Java: only the repository and the gRPC edge know their stacks. */
class LoanArchitectureTest {
  private static final JavaClasses LOAN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.furrow.core.loan");

  @Test
  void loanDomainIsFreeOfTransportAndSql() {
    noClasses()
        .that()
        .doNotHaveSimpleName("LoanRepository")
        .and()
        .doNotHaveSimpleName("LoanGrpcService")
        .and()
        .doNotHaveSimpleName("LoanProtoMapper")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.grpc..",
            "com.google.protobuf..",
            "dev.furrow.proto..",
            "org.jdbi..",
            "java.sql..",
            "org.postgresql..")
        .check(LOAN);
  }
}
