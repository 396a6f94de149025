package dev.furrow.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core's module and layer boundaries from eroding. */
class ArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.furrow.core");

  @Test
  void coreDependsOnNeitherTheGatewayNorTheIngesterStacks() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.linecorp.armeria..",
            "org.eclipse.paho..",
            "dev.furrow.gateway..",
            "dev.furrow.ingest..")
        .check(CORE);
  }

  @Test
  void domainErrorsAndPoliciesAreFreeOfTransportAndSql() {
    noClasses()
        .that()
        .resideInAPackage("dev.furrow.core.error..")
        .or()
        .haveSimpleNameEndingWith("Policy")
        .or()
        .haveSimpleNameEndingWith("Report")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.grpc..", "com.google.protobuf..", "org.jdbi..", "java.sql..")
        .check(CORE);
  }
}
