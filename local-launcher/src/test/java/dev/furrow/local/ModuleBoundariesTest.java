package dev.furrow.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The gateway and the ingester reach the core only through the generated gRPC stubs. */
class ModuleBoundariesTest {
  private static final JavaClasses EDGES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.furrow.gateway", "dev.furrow.ingest");

  @Test
  void gatewayAndIngesterNeverUseCoreClasses() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.furrow.gateway..", "dev.furrow.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.furrow.core..")
        .check(EDGES);
  }

  @Test
  void gatewayAndIngesterDoNotReachIntoEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.furrow.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.furrow.ingest..", "org.eclipse.paho..")
        .check(EDGES);
    noClasses()
        .that()
        .resideInAPackage("dev.furrow.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.furrow.gateway..", "com.linecorp.armeria..")
        .check(EDGES);
  }

  @Test
  void onlyTheSubscriberClassTouchesPaho() {
    noClasses()
        .that()
        .resideInAPackage("dev.furrow.ingest..")
        .and()
        .haveNameNotMatching("dev\\.furrow\\.ingest\\.MqttUsageSubscriber(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.paho..")
        .check(EDGES);
  }
}
