package dev.furrow.core.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the ledger and transaction rules plain Java: only repositories, gRPC edges and mappers know
 * their stacks.
 */
class LedgerArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.furrow.core.ledger", "dev.furrow.core.transaction");

  @Test
  void ledgerAndTransactionRulesAreFreeOfTransportAndSql() {
    noClasses()
        .that()
        .haveSimpleNameNotEndingWith("Repository")
        .and()
        .haveSimpleNameNotEndingWith("GrpcService")
        .and()
        .haveSimpleNameNotEndingWith("ProtoMapper")
        .and()
        .haveSimpleNameNotContaining("Repository$")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.grpc..",
            "com.google.protobuf..",
            "dev.furrow.proto..",
            "org.jdbi..",
            "java.sql..",
            "org.postgresql..")
        .check(CLASSES);
  }
}
