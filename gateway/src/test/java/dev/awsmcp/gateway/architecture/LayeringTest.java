package dev.awsmcp.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The architecture of the gateway as tests (DESIGN "Where the design goes next"): packages without cycles;
 * the core never names a toolset module or an AWS service the toolsets serve; the toolset contract
 * ({@code dev.awsmcp.toolset.api}) needs none of the helpers beside it; the MCP SDK and Reactor only at the
 * protocol edge, so that one pipeline serves every protocol revision; the OpenTelemetry SDK only in {@code tracing/}; the
 * pipeline's stages take few parameters.
 */
class LayeringTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.awsmcp.gateway");

    /** Where the MCP SDK may be used: the protocol edge and the process wiring. */
    private static final String[] EDGE = {"dev.awsmcp.gateway.mcp..", "dev.awsmcp.gateway.transport..",
        "dev.awsmcp.gateway.server..", "dev.awsmcp.gateway.cli.."};

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.awsmcp.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void theCoreNeverImportsAToolsetModule() {
        noClasses().should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("a toolset module's class",
                        c -> c.getPackageName().startsWith("dev.awsmcp.toolset.")
                                && !c.getPackageName().startsWith("dev.awsmcp.toolset.api")
                                && !c.getPackageName().startsWith("dev.awsmcp.toolset.support")))
                .check(GATEWAY);
    }

    @Test
    void callPolicyAndResultHandlingNameNoAwsService() {
        noClasses().that().resideInAnyPackage("dev.awsmcp.gateway.call..", "dev.awsmcp.gateway.policy..",
                        "dev.awsmcp.gateway.resilience..", "dev.awsmcp.gateway.guard..", "dev.awsmcp.gateway.taint..",
                        "dev.awsmcp.gateway.cursor..", "dev.awsmcp.gateway.mcp..", "dev.awsmcp.gateway.transport..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services..")
                .check(GATEWAY);
    }

    @Test
    void theToolsetContractNeedsNoHelper() {
        JavaClasses contract = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.awsmcp.toolset.api");
        noClasses().that().resideInAPackage("dev.awsmcp.toolset.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.awsmcp.toolset.support..").check(contract);
    }

    @Test
    void theMcpSdkAndReactorStayAtTheEdge() {
        noClasses().that().resideOutsideOfPackages(EDGE)
                .should().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..", "reactor..")
                .check(GATEWAY);
    }

    @Test
    void theOpenTelemetrySdkStaysInTracing() {
        // Everything else speaks the OpenTelemetry API, which is a no-op when tracing is off.
        noClasses().that().resideOutsideOfPackage("dev.awsmcp.gateway.tracing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.opentelemetry.sdk..", "io.opentelemetry.exporter..")
                .check(GATEWAY);
    }

    @Test
    void thePipelinesMethodsTakeAtMostFiveParameters() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("dev.awsmcp.gateway.call..")
                .should(haveAtMostParameters(5)).check(GATEWAY);
        constructors().that().areDeclaredInClassesThat().resideInAPackage("dev.awsmcp.gateway.call..")
                .should(haveAtMostParameters(5)).check(GATEWAY);
    }

    private static <T extends JavaCodeUnit> ArchCondition<T> haveAtMostParameters(int most) {
        return new ArchCondition<>("have at most " + most + " parameters") {
            @Override
            public void check(T unit, ConditionEvents events) {
                if (unit.getRawParameterTypes().size() > most) {
                    events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " has " + unit.getRawParameterTypes().size()
                            + " parameters"));
                }
            }
        };
    }
}
