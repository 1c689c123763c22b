package io.orderkeep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The state machine, money, hops and matching rules are plain Java, testable without a container: every
 * {@code domain} package stays free of Spring, JDBC and Jackson.
 */
class DomainIsPlainJavaTest {

    @Test
    void domainPackagesUseNoFrameworks() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.orderkeep");
        // package-info may carry the module's own metadata (a named interface); the code may not.
        noClasses().that().resideInAPackage("io.orderkeep..domain..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..",
                        "com.fasterxml.jackson..", "jakarta..")
                .allowEmptyShould(false)
                .check(classes);
    }
}
