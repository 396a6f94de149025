package dev.furrow.core.product;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the product rules plain Java: only the repository and the gRPC edge know their stacks. */
class ProductArchitectureTest {
  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.furrow.core.product");

  @Test
  void productDomainIsFreeOfTransportAndSql() {
    noClasses()
        .that()
        .doNotHaveSimpleName("ProductRepository")
        .and()
        .doNotHaveSimpleName("ProductGrpcService")
        .and()
        .doNotHaveSimpleName("ProductProtoMapper")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.grpc..", "com.google.protobuf..", "dev.furrow.proto..", "org.jdbi..", "java.sql..")
        .check(PRODUCT);
  }
}
