package io.cebgw.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module and package rules of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.cebgw");
    }

    @Test
    void coreIsFrameworkFreeJdkOnly() {
        classes().that().resideInAPackage("io.cebgw.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.cebgw.core..", "java..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..")
                .check(classes);
    }

    @Test
    void onlyTheCryptoModuleImportsBouncyCastle() {
        noClasses().that().resideOutsideOfPackage("io.cebgw.crypto..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheCryptoModuleImportsSantuario() {
        noClasses().that().resideOutsideOfPackage("io.cebgw.crypto..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.xml.security..")
                .check(classes);
    }

    @Test
    void cryptoDependsOnlyOnCoreAndItsLibraries() {
        classes().that().resideInAPackage("io.cebgw.crypto..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.cebgw.crypto..", "io.cebgw.core..", "java..", "javax..",
                        "org.w3c.dom..", "org.xml.sax..", "org.bouncycastle..", "org.apache.xml.security..", "com.fasterxml.jackson..",
                        "com.sun.jna..") // JNA: the encryption machine's GM/T 0018 SDF library
                .check(classes);
    }

    @Test
    void transportsArePluginsOfCoreOnly() {
        classes().that().resideInAPackage("io.cebgw.transport..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.cebgw.transport..", "io.cebgw.core..", "java..", "javax..",
                        "org.slf4j..", // the logging facade
                        "com.rabbitmq..", "jakarta.jms..", "com.sun.net.httpserver..", "com.fasterxml.jackson..", // each its own protocol client
                        "com.helger..", "org.apache.hc..", "jakarta.mail..", // AS2: as2-lib and what its API exposes
                        "org.apache.activemq..") // JMS: EmbeddedArtemis, the self-test's broker (an optional dependency)
                .check(classes);
        noClasses().that().resideInAnyPackage("io.cebgw.core..", "io.cebgw.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cebgw.transport..", "io.cebgw.transports..")
                .check(classes);
        // the catalogue finds the plugins through ServiceLoader: it names none of them
        classes().that().resideInAPackage("io.cebgw.transports..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.cebgw.transports..", "io.cebgw.core..", "java..")
                .check(classes);
        noClasses().that().resideInAPackage("io.cebgw.transport..")
                .should().dependOnClassesThat().resideInAPackage("io.cebgw.transports..")
                .check(classes);
    }

    @Test
    void leavesAreNotDependedOn() {
        noClasses().that().resideInAnyPackage("io.cebgw.core..", "io.cebgw.crypto..", "io.cebgw.transport..", "io.cebgw.transports..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cebgw.cli..", "io.cebgw.app..", "io.cebgw.server..", "io.cebgw.sandbox..")
                .check(classes);
        noClasses().that().resideInAPackage("io.cebgw.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cebgw.app..", "io.cebgw.server..")
                .check(classes);
        noClasses().that().resideInAPackage("io.cebgw.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("io.cebgw.server..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * The ERP client depends on nothing of ours but the JSON it documents; and nothing of the gateway depends on it (the
     * benchmarks, not on this classpath, use it as an ERP would).
     */
    @Test
    void theClientStandsAlone() {
        classes().that().resideInAPackage("io.cebgw.client..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.cebgw.client..", "java..", "javax.crypto..", "com.fasterxml.jackson..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.cebgw.client..")
                .should().dependOnClassesThat().resideInAPackage("io.cebgw.client..")
                .check(classes);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("io.cebgw.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** No two packages of the project depend on each other, whatever the module (crypto's key ↔ card ↔ cert included). */
    @Test
    void noPackageOfTheProjectIsInACycle() {
        slices().matching("io.cebgw.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void modelDoesNotKnowHowItIsReadOrChecked() {
        noClasses().that().resideInAnyPackage("io.cebgw.core.model..", "io.cebgw.core.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cebgw.core.codec..", "io.cebgw.core.validation..", "io.cebgw.core.xml..")
                .check(classes);
    }
}
