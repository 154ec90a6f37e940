package org.certmgr.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of DESIGN.md as tests: domain ← ports ← adapters ← cli, adapters
 * apart, and no library type in the domain or the ports.
 */
class HexagonArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.certmgr");
    }

    @Test
    void everyModuleIsImported_soNoRuleHoldsVacuously() {
        for (String name : new String[] {"org.certmgr.domain.DnsName", "org.certmgr.ports.Certmgr",
                "org.certmgr.adapters.acme.AcmeAdapters", "org.certmgr.adapters.fs.FsAdapters",
                "org.certmgr.adapters.fs.config.ConfigLoader", "org.certmgr.cli.CertmgrCli"}) {
            org.assertj.core.api.Assertions.assertThat(classes.contain(name)).as(name).isTrue();
        }
    }

    @Test
    void theDomainDependsOnNothingButTheJdkWithoutIo() {
        classes().that().resideInAPackage("org.certmgr.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.certmgr.domain..", "java.lang..",
                        "java.util..", "java.time..", "java.text..", "java.math..", "java.io")
                .check(classes);
        noClasses().that().resideInAPackage("org.certmgr.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.PrintStream")
                .check(classes);
    }

    @Test
    void thePortsDependOnlyOnTheDomainAndTheJdk() {
        classes().that().resideInAPackage("org.certmgr.ports..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.certmgr.ports..", "org.certmgr.domain..",
                        "java..", "javax..")
                .check(classes);
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("org.certmgr.adapters.acme..")
                .should().dependOnClassesThat().resideInAnyPackage("org.certmgr.adapters.fs..", "org.certmgr.adapters.tls..")
                .check(classes);
        noClasses().that().resideInAPackage("org.certmgr.adapters.fs..")
                .should().dependOnClassesThat().resideInAnyPackage("org.certmgr.adapters.acme..", "org.certmgr.adapters.tls..")
                .check(classes);
        noClasses().that().resideInAPackage("org.certmgr.adapters.tls..")
                .should().dependOnClassesThat().resideInAnyPackage("org.certmgr.adapters.acme..", "org.certmgr.adapters.fs..")
                .check(classes);
    }

    @Test
    void nothingButTheCliDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage("org.certmgr.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.certmgr.cli..")
                .check(classes);
    }

    @Test
    void theCoreAndAdaptersNeverDependOnTheTestkit() {
        noClasses().that().resideOutsideOfPackage("org.certmgr.testkit..")
                .should().dependOnClassesThat().resideInAPackage("org.certmgr.testkit..")
                .check(classes);
    }

    @Test
    void libraryTypesStayInTheirAdapter() {
        noClasses().that().resideOutsideOfPackages("org.certmgr.adapters.acme..", "org.certmgr.testkit..")
                .should().dependOnClassesThat().resideInAPackage("org.shredzone..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.certmgr.adapters.fs..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.apache.commons.exec..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.certmgr.adapters..", "org.certmgr.testkit..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(classes);
    }
}
