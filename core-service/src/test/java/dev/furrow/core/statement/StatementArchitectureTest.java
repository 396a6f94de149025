package dev.furrow.core.statement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps statement rules plain Java: only the repository, the gRPC edge and its mapper know their
 * stacks.
 */
class StatementArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.furrow.core.statement");

  @Test
  void rulesStepsAndUseCasesAreFreeOfTransportAndSql() {
    noClasses()
        .that()
        .haveNameNotMatching(".*\\.(\\w+Repository|\\w+GrpcService|\\w+ProtoMapper)(\\$.*)?")
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
