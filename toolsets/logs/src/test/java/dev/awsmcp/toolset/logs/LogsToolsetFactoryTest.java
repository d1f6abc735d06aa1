package dev.awsmcp.toolset.logs;

import static dev.awsmcp.toolset.logs.LogsFixture.args;
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

class LogsToolsetFactoryTest {

    private final List<ToolSpec> specs = new LogsToolset(DeferredClient.built(new FakeCloudWatchLogs()),
            new ToolsetConfig("logs", "logs", Region.US_EAST_1, null, null), InsightsPoller.Settings.DEFAULT).tools();
    private final Map<String, ToolSpec> byName = specs.stream().collect(Collectors.toMap(ToolSpec::name, Function.identity()));

    @Test
    void isFoundByServiceLoaderUnderTypeLogs() {
        assertThat(ServiceLoader.load(ToolsetFactory.class).stream().map(ServiceLoader.Provider::get).map(ToolsetFactory::type))
                .contains("logs");
    }

    @Test
    void servesTheCatalogAllReadOnly() {
        assertThat(specs).extracting(ToolSpec::name).containsExactly("describe_log_groups", "describe_log_streams", "filter_log_events",
                "get_log_events", "run_insights_query", "get_insights_results");
        assertThat(specs).allSatisfy(spec -> assertThat(spec.access()).isEqualTo(Access.READ));
    }

    @Test
    void onlyTheInsightsQueryIsLongRunning() {
        assertThat(specs).filteredOn(ToolSpec::longRunning).extracting(ToolSpec::name).containsExactly("run_insights_query");
    }

    @Test
    void schemasAreClosedObjectsInTheDefaultDialect() {
        for (ToolSpec spec : specs) {
            assertThat(spec.inputSchema().get("additionalProperties").asBoolean()).as(spec.name()).isFalse();
            // Parameters are described only where the name is not enough (#23); the dialect is the default, 2020-12.
            assertThat(spec.inputSchema().has("$schema")).as(spec.name()).isFalse();
        }
        assertThat(byName.get("run_insights_query").inputSchema().get("required")).extracting(n -> n.asText())
                .containsExactly("log_groups", "query", "start", "end");
    }

    @Test
    void descriptionsPointAtSiblingToolsByTheirExposedNames() {
        assertThat(byName.get("run_insights_query").description()).contains("logs__get_insights_results");
        assertThat(byName.get("get_log_events").description()).contains("logs__describe_log_streams");
    }

    @Test
    void resourcesNameEveryLogGroupOrNothingForListings() {
        assertThat(byName.get("filter_log_events").resources().apply(args("{'log_group':'/ecs/payments/api'}")))
                .containsExactly(new ResourceRef(LogsResources.LOG_GROUP, "/ecs/payments/api"));
        assertThat(byName.get("get_log_events").resources().apply(args("{'log_group':'/g','stream':'s'}")))
                .containsExactly(new ResourceRef(LogsResources.LOG_GROUP, "/g"));
        assertThat(byName.get("run_insights_query").resources().apply(args("{'log_groups':['/a','/b','/a'],'query':'q'}")))
                .containsExactly(new ResourceRef(LogsResources.LOG_GROUP, "/a"), new ResourceRef(LogsResources.LOG_GROUP, "/b"));
        assertThat(byName.get("describe_log_groups").resources().apply(args("{}"))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> byName.get("get_insights_results").resources().apply(args("{'query_id':'q'}")))
                .as("a query this instance did not start").isInstanceOf(IllegalArgumentException.class);
    }
}
