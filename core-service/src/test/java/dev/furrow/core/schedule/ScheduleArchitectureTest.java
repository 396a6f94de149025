package dev.furrow.core.schedule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the schedule rules plain Java: only the repository and the gRPC edges know their stacks.
 */
class ScheduleArchitectureTest {
  private static final JavaClasses SCHEDULE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.furrow.core.schedule");

  @Test
  void scheduleRulesAreFreeOfTransportAndSql() {
    noClasses()
        .that()
        .haveNameNotMatching(".*\\.(ScheduleRepository|ScheduleGrpcServices)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.grpc..",
            "com.google.protobuf..",
            "dev.furrow.proto..",
            "org.jdbi..",
            "java.sql..",
            "org.postgresql..")
        .check(SCHEDULE);
  }
}
