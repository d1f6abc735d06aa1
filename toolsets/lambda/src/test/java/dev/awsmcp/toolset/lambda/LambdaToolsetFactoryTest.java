package dev.awsmcp.toolset.lambda;

import static dev.awsmcp.toolset.lambda.LambdaFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class LambdaToolsetFactoryTest {

    private final List<ToolSpec> specs = new LambdaToolset(DeferredClient.built(new FakeLambda()),
            new ToolsetConfig("fn", "lambda", Region.US_EAST_1, null, null)).tools();
    private final Map<String, ToolSpec> byName = specs.stream().collect(Collectors.toMap(ToolSpec::name, Function.identity()));

    @Test
    void isFoundByServiceLoaderUnderTypeLambda() {
        assertThat(ServiceLoader.load(ToolsetFactory.class).stream().map(ServiceLoader.Provider::get).map(ToolsetFactory::type))
                .contains("lambda");
    }

    @Test
    void servesTheCatalogWithOnlyInvokeClassedInvoke() {
        assertThat(byName.keySet()).containsExactlyInAnyOrder("list_functions", "get_function_configuration",
                "list_event_source_mappings", "list_versions_by_function", "list_aliases", "get_function_concurrency", "invoke");
        assertThat(specs).filteredOn(spec -> spec.access() != Access.READ).extracting(ToolSpec::name).containsExactly("invoke");
        assertThat(byName.get("invoke").access()).isEqualTo(Access.INVOKE);
    }

    @Test
    void schemasAreClosedObjectsInTheDefaultDialect() {
        for (ToolSpec spec : specs) {
            assertThat(spec.inputSchema().get("additionalProperties").asBoolean()).as(spec.name()).isFalse();
            // Parameters are described only where the name is not enough (#23); the dialect is the default, 2020-12.
            assertThat(spec.inputSchema().has("$schema")).as(spec.name()).isFalse();
        }
        assertThat(byName.get("invoke").inputSchema().at("/properties/invocation_type/enum")).extracting(n -> n.asText())
                .containsExactly("RequestResponse", "DryRun");
        assertThat(byName.get("list_functions").inputSchema().at("/properties/limit/maximum").asInt()).isEqualTo(200);
    }

    @Test
    void descriptionsPromiseRedactionAndPointAtSiblingsByExposedName() {
        assertThat(byName.get("get_function_configuration").description()).contains("[REDACTED]").contains("never the value")
                .contains("marked as not secret");
        assertThat(byName.get("list_functions").description()).contains("fn__get_function_configuration");
        assertThat(byName.get("invoke").description()).contains("never retried").contains("256 KiB");
    }

    @Test
    void declaresShowEnvironmentAndRefusesAnInvalidOneAtStartup() {
        assertThat(new LambdaToolsetFactory().optionKeys()).containsExactly("showEnvironment");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LambdaToolset(DeferredClient.built(new FakeLambda()),
                        new ToolsetConfig("fn", "lambda", Region.US_EAST_1, null, args("{'showEnvironment':'A B'}"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("option showEnvironment");
    }

    @Test
    void resourcesNameTheFunctionAsGivenWithTheQualifierAppended() {
        assertThat(byName.get("get_function_configuration").resources().apply(args("{'function':'pay'}")))
                .containsExactly(new ResourceRef(LambdaResources.FUNCTION, "pay"));
        assertThat(byName.get("invoke").resources().apply(args("{'function':'pay','qualifier':'live'}")))
                .containsExactly(new ResourceRef(LambdaResources.FUNCTION, "pay:live"));
        assertThat(byName.get("invoke").resources().apply(args("{'function':'arn:aws:lambda:us-east-1:123456789012:function:pay:7'}")))
                .containsExactly(new ResourceRef(LambdaResources.FUNCTION, "arn:aws:lambda:us-east-1:123456789012:function:pay:7"));
        assertThat(byName.get("list_aliases").resources().apply(args("{'function':'pay'}")))
                .containsExactly(new ResourceRef(LambdaResources.FUNCTION, "pay"));
        assertThat(byName.get("list_functions").resources().apply(args("{}"))).isEmpty();
    }
}
