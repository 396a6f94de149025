package dev.furrow.core.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the application rules plain Java: only the repository and the gRPC edge know stacks. */
class ApplicationArchitectureTest {
  private static final JavaClasses APPLICATION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.furrow.core.application");

  @Test
  void applicationDomainIsFreeOfTransportAndSql() {
    noClasses()
        .that()
        .haveNameNotMatching(".*\\.Application(Repository|GrpcService|ProtoMapper)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.grpc..", "com.google.protobuf..", "dev.furrow.proto..", "org.jdbi..", "java.sql..")
        .check(APPLICATION);
  }
}
