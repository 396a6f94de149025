package dev.furrow.core.delinquency;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps close of business and delinquency rules plain Java: only the repositories and the gRPC
 * edges know their stacks.
 */
class CloseOfBusinessArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.furrow.core.cob", "dev.furrow.core.delinquency");

  @Test
  void rulesStepsAndUseCasesAreFreeOfTransportAndSql() {
    noClasses()
        .that()
        .haveNameNotMatching(".*\\.(\\w+Repository|\\w+GrpcService)(\\$.*)?")
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
