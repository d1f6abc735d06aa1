package dev.awsmcp.toolset.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

/** The operator's allow-list of environment variable names and the value-level secret check behind it. */
class EnvironmentValuesTest {

    private static EnvironmentValues allowing(String json) {
        if (json == null) {
            return EnvironmentValues.of(new ToolsetConfig("fn", "lambda", Region.US_EAST_1, null, null));
        }
        ObjectNode options = Json.object();
        try {
            options.set(EnvironmentValues.OPTION, Json.mapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return EnvironmentValues.of(new ToolsetConfig("fn", "lambda", Region.US_EAST_1, null, options));
    }

    @Test
    void withoutTheOptionEveryValueIsRedacted() {
        assertThat(allowing(null).shown(Map.of("TIMEOUT_MS", "3000", "API_KEY", "x")))
                .containsExactly(Map.entry("API_KEY", "[REDACTED]"), Map.entry("TIMEOUT_MS", "[REDACTED]"));
    }

    @Test
    void listedNamesAndGlobsShowTheirValuesOthersStayRedacted() {
        EnvironmentValues values = allowing("[\"CARD_PROCESSOR_TIMEOUT_MS\", \"*_TABLE\", \"SERVICE_*\"]");
        assertThat(values.shown(Map.of("CARD_PROCESSOR_TIMEOUT_MS", "3000", "ORDERS_TABLE", "payments-orders",
                "SERVICE_VERSION", "payments-api@2024.11.3", "CARD_PROCESSOR_API_KEY", "abc", "card_processor_timeout_ms", "1")))
                .containsEntry("CARD_PROCESSOR_TIMEOUT_MS", "3000")
                .containsEntry("ORDERS_TABLE", "payments-orders")
                .containsEntry("SERVICE_VERSION", "payments-api@2024.11.3")
                .containsEntry("CARD_PROCESSOR_API_KEY", "[REDACTED]")
                .as("names are case-sensitive").containsEntry("card_processor_timeout_ms", "[REDACTED]");
    }

    @Test
    void aListedValueThatLooksLikeASecretIsStillWithheld() {
        EnvironmentValues values = allowing("[\"*\"]");
        assertThat(values.shown(Map.of("WEBHOOK", "whsec_DemoOnlyNotARealSecret0123456789"))).hasEntrySatisfying("WEBHOOK",
                v -> assertThat(v).startsWith("[REDACTED: listed in showEnvironment but looks like a secret (API token)"));
    }

    @Test
    void aCommaSeparatedStringFromEnvironmentInterpolationIsAList() {
        assertThat(allowing("\"TIMEOUT_MS, *_TABLE\"").shown(Map.of("TIMEOUT_MS", "30", "A_TABLE", "t")))
                .containsEntry("TIMEOUT_MS", "30").containsEntry("A_TABLE", "t");
    }

    @Test
    void anInvalidEntryStopsStartupNamingTheOptionAndTheFix() {
        assertThatThrownBy(() -> allowing("[\"TIMEOUT MS\"]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("toolset fn: option showEnvironment: 'TIMEOUT MS' is not a variable name or glob")
                .hasMessageContaining("[CARD_PROCESSOR_TIMEOUT_MS, \"*_TABLE\"]");
        assertThatThrownBy(() -> allowing("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> allowing("[3000]")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sk_live_51HxDemoOnlyNotARealKey9f8e7d6c5b4a",
        "postgres://app:s3cr3t-pa55@db.internal:5432/payments",
        "AKIAQ3ZK7P2M4N6R5T2V",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vKp2Lm9",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVlLWhlcmU",
        "-----BEGIN PRIVATE KEY-----\nMIIEvQ...",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
        "token=Zk9xR2hUcW1ZM2pWbkU1d0x4Qg",
    })
    void secretShapesAreRecognised(String value) {
        assertThat(SecretShapes.kind(value)).as(value).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "3000", "10000", "true", "payments-orders", "payments-api@2024.11.3", "https://api.card-processor.example/v2/charges",
        "arn:aws:sqs:us-east-1:123456789012:payments-refunds", "us-east-1", "INFO", "/aws/lambda/payments-refund-worker",
        "2026-11-30T10:02:11Z", "PaymentProcessorTimeoutMillis", "s3://payments-exports/daily/", "1h30m",
        "5f3c2a1e-8b7d-4c6e-9f0a-1b2c3d4e5f6a",
    })
    void ordinarySettingsAreNotSecrets(String value) {
        assertThat(SecretShapes.kind(value)).as(value).isEmpty();
    }

    @Test
    void globsMatchAnyRunOfCharacters() {
        assertThat(EnvironmentValues.matches("*_TABLE", "ORDERS_TABLE")).isTrue();
        assertThat(EnvironmentValues.matches("*_TABLE", "_TABLE")).isTrue();
        assertThat(EnvironmentValues.matches("*_TABLE", "ORDERS_TABLES")).isFalse();
        assertThat(EnvironmentValues.matches("A*B*C", "AxxBxxC")).isTrue();
        assertThat(EnvironmentValues.matches("A*B*C", "AxxCxxB")).isFalse();
        assertThat(EnvironmentValues.matches("AB*BA", "ABA")).isFalse();
        assertThat(EnvironmentValues.matches("*", "ANY")).isTrue();
    }
}
