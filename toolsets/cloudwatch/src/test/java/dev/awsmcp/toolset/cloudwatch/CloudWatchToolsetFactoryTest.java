package dev.awsmcp.toolset.cloudwatch;

import static dev.awsmcp.toolset.cloudwatch.CloudWatchFixture.args;
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

class CloudWatchToolsetFactoryTest {

    private final CloudWatchToolset toolset = new CloudWatchToolset(DeferredClient.built(new FakeCloudWatch()),
            new ToolsetConfig("cw", "cloudwatch", Region.US_EAST_1, null, null));
    private final List<ToolSpec> specs = toolset.tools();
    private final Map<String, ToolSpec> byName = specs.stream().collect(Collectors.toMap(ToolSpec::name, Function.identity()));

    @Test
    void isFoundByServiceLoaderUnderTypeCloudwatch() {
        assertThat(ServiceLoader.load(ToolsetFactory.class).stream().map(ServiceLoader.Provider::get).map(ToolsetFactory::type))
                .contains("cloudwatch");
    }

    @Test
    void servesTheCatalogAllReadOnly() {
        assertThat(specs).extracting(ToolSpec::name).containsExactly("describe_alarms", "describe_alarm_history", "list_metrics", "get_metric_data");
        assertThat(specs).allSatisfy(spec -> assertThat(spec.access()).isEqualTo(Access.READ));
    }

    @Test
    void schemasAreClosedObjectsInTheDefaultDialect() {
        for (ToolSpec spec : specs) {
            assertThat(spec.inputSchema().get("additionalProperties").asBoolean()).as(spec.name()).isFalse();
            // Parameters are described only where the name is not enough (#23); the dialect is the default, 2020-12.
            assertThat(spec.inputSchema().has("$schema")).as(spec.name()).isFalse();
        }
        assertThat(byName.get("get_metric_data").inputSchema().get("required")).extracting(n -> n.asText())
                .containsExactly("namespace", "metric_name");
        assertThat(byName.get("describe_alarm_history").inputSchema().get("required")).extracting(n -> n.asText()).containsExactly("alarm");
    }

    @Test
    void descriptionsAndNotesPointAtSiblingToolsByTheirExposedNames() {
        assertThat(byName.get("describe_alarms").description()).contains("cw__get_metric_data", "cw__describe_alarm_history");
        assertThat(byName.get("get_metric_data").description()).contains("cw__list_metrics");
        assertThat(toolset.usageNotes()).contains("toolset cw, region us-east-1", "`cw__describe_alarms` and `state: ALARM`");
    }

    @Test
    void resourcesNameTheAlarmOrNamespaceOrNothingForTheListing() {
        assertThat(byName.get("describe_alarm_history").resources().apply(args("{'alarm':'payments-api-5xx'}")))
                .containsExactly(new ResourceRef("alarm", "payments-api-5xx"));
        assertThat(byName.get("describe_alarm_history").resources().apply(args("{'alarm':' '}")))
                .as("blank names too: the gateway refuses them").containsExactly(new ResourceRef("alarm", " "));
        assertThat(byName.get("list_metrics").resources().apply(args("{'namespace':'AWS/Lambda'}")))
                .containsExactly(new ResourceRef("metric-namespace", "AWS/Lambda"));
        assertThat(byName.get("get_metric_data").resources().apply(args("{'namespace':'Payments/API','metric_name':'5xxErrors'}")))
                .containsExactly(new ResourceRef("metric-namespace", "Payments/API"));
        assertThat(byName.get("describe_alarms").resources().apply(args("{'prefix':'payments-'}"))).isEmpty();
    }
}
