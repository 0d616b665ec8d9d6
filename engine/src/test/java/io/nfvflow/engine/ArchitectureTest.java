package io.nfvflow.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md section 1, checked on the compiled main code. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nfvflow");
  }

  @Test
  void onlyTheKubernetesPackageUsesFabric8() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.nfvflow.vim.kubernetes..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8..")
        .check(classes);
  }

  @Test
  void onlyTheOpenStackPackageUsesOpenstack4j() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.nfvflow.vim.openstack..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.openstack4j..")
        .check(classes);
  }

  @Test
  void toscaIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("io.nfvflow.tosca..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.camunda..",
            "io.nfvflow.vim..",
            "io.nfvflow.lcm..",
            "io.nfvflow.engine..")
        .check(classes);
  }

  @Test
  void nothingDependsOnTheEngine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.nfvflow.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.nfvflow.engine..")
        .check(classes);
  }

  @Test
  void vimTypesDoNotKnowEachOther() {
    slices()
        .matching("io.nfvflow.vim.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                "io.nfvflow.vim"))
        .check(classes);
  }

  @Test
  void noCyclesBetweenEnginePackages() {
    slices().matching("io.nfvflow.engine.(*)..").should().beFreeOfCycles().check(classes);
  }
}
