package dev.awsmcp.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * The architecture of the gateway as tests (DESIGN "Where the design goes next"): packages without cycles;
 * the core never names a toolset module or an AWS service the toolsets serve; the toolset contract
 * ({@code dev.awsmcp.toolset.api}) needs none of the helpers beside it; the MCP SDK only at the protocol edge. The last rule is frozen: the violations recorded in {@code src/test/resources/archunit-store} (the
 * pipeline in {@code call/} and the result cache in {@code resilience/} still speak the SDK's
 * {@code CallToolResult}, issue #17 items 2-3) are allowed and may only shrink; any new one fails.
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
    void theMcpSdkStaysAtTheEdge() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(EDGE)
                .should().dependOnClassesThat().resideInAPackage("io.modelcontextprotocol..");
        FreezingArchRule.freeze(rule).check(GATEWAY);
    }
}
