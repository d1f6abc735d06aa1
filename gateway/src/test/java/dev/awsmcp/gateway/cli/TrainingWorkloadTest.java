package dev.awsmcp.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import org.junit.jupiter.api.Test;

/** The arguments the training run calls each tool with: what the tool's input schema requires, by type. */
class TrainingWorkloadTest {

    @Test
    void fillsEveryRequiredPropertyByItsTypeAndLeavesTheOptionalOnesOut() throws Exception {
        JsonNode schema = Json.mapper().readTree("""
                {"type":"object","required":["table","limit","mode","keys","key","consistent"],
                 "properties":{"table":{"type":"string"},"limit":{"type":"integer","minimum":5},"mode":{"type":"string","enum":["a","b"]},
                  "keys":{"type":"array"},"key":{"type":"object"},"consistent":{"type":"boolean"},"cursor":{"type":"string"}}}""");
        JsonNode arguments = Json.mapper().readTree(TrainingWorkload.arguments(schema));
        assertThat(arguments.path("table").asText()).isEqualTo("training");
        assertThat(arguments.path("limit").asInt()).isEqualTo(5);
        assertThat(arguments.path("mode").asText()).isEqualTo("a");
        assertThat(arguments.path("keys").isArray()).isTrue();
        assertThat(arguments.path("key").isObject()).isTrue();
        assertThat(arguments.path("consistent").isBoolean()).isTrue();
        assertThat(arguments.has("cursor")).as("optional").isFalse();
    }

    @Test
    void aToolWithoutRequiredPropertiesIsCalledWithNoArguments() throws Exception {
        assertThat(TrainingWorkload.arguments(Json.mapper().readTree("{\"type\":\"object\",\"properties\":{\"prefix\":{\"type\":\"string\"}}}")))
                .isEqualTo("{}");
    }
}
