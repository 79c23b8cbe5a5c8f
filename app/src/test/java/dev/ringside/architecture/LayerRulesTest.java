package dev.ringside.architecture;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers, as rules over the compiled main classes: the engine and what it stands on know no front end, the
 * command line does not open the UI (it launches the app through {@code Main}), the app services and the screens'
 * models know no JavaFX or driver respectively, and no two top-level packages depend on each other.
 */
@AnalyzeClasses(packages = "dev.ringside", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    static {
        // The rules name outside packages only (javafx, the driver), so their classes need no import of their own:
        // without it the analysis reads Ringside's classes alone, a few times faster.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    /** Everything below the front ends: the job machinery, files, connections, the sandbox and their helpers. */
    private static final String[] BACK_END = {"dev.ringside.engine..", "dev.ringside.sink..", "dev.ringside.cluster..",
            "dev.ringside.sandbox..", "dev.ringside.format..", "dev.ringside.bench..", "dev.ringside.logging.."};

    @ArchTest
    static final ArchRule theBackEndHasNoWindow = noClasses().that().resideInAnyPackage(BACK_END)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.ringside.ui..")
            .because("the engine runs the same under the command line, the app and the tests");

    @ArchTest
    static final ArchRule theBackEndKnowsNoFrontEnd = noClasses().that().resideInAnyPackage(BACK_END)
            .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.app..", "dev.ringside.cli..")
            .because("front ends use the engine, never the other way round");

    @ArchTest
    static final ArchRule theCommandLineDoesNotOpenTheUi = noClasses().that().resideInAPackage("dev.ringside.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.ui..", "javafx..")
            .because("the command line launches the app through Main, so it runs without JavaFX");

    @ArchTest
    static final ArchRule theAppServicesHaveNoWindow = noClasses().that().resideInAPackage("dev.ringside.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.ringside.ui..")
            .because("the screens use the app services, and the services run without a stage");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheDriver = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("com.datastax..")
            .because("view-models speak the app services' types, so they are tested without Cassandra");

    @ArchTest
    static final ArchRule theUiDoesNotTouchTheDriver = noClasses().that().resideInAPackage("dev.ringside.ui..")
            .should().dependOnClassesThat().resideInAPackage("com.datastax..")
            .because("the driver adapter lives in dev.ringside.app");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("dev.ringside.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenEngineParts = slices().matching("dev.ringside.engine.(*)..")
            .should().beFreeOfCycles();
}
