package dev.awsmcp.toolset.cloudwatch;

import static dev.awsmcp.toolset.cloudwatch.CloudWatchResourceKind.ALARM;
import static dev.awsmcp.toolset.cloudwatch.CloudWatchResourceKind.METRIC_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudWatchResourceKindTest {

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";

    private static String alarm(String raw) {
        return ALARM.canonicalize(raw, REGION, ACCOUNT);
    }

    private static String namespace(String raw) {
        return METRIC_NAMESPACE.canonicalize(raw, REGION, ACCOUNT);
    }

    @Test
    void kindsAreNamedAsResourceRefsNameThem() {
        assertThat(ALARM.kind()).isEqualTo("alarm");
        assertThat(METRIC_NAMESPACE.kind()).isEqualTo("metric-namespace");
        assertThat(CloudWatchResourceKind.of("metric-namespace")).contains(METRIC_NAMESPACE);
        assertThat(CloudWatchResourceKind.of("log-group")).isEmpty();
    }

    @Test
    void anAlarmNameIsItsOwnCanonicalForm() {
        assertThat(alarm("payments-api-5xx")).isEqualTo("payments-api-5xx");
        assertThat(alarm("TargetTracking-service/payments/api-AlarmHigh-1a2b")).isEqualTo("TargetTracking-service/payments/api-AlarmHigh-1a2b");
        assertThat(alarm("payments: card declines > 5%")).as("AWS allows spaces and colons").isEqualTo("payments: card declines > 5%");
        assertThat(alarm("Zahlungen-Fehler-ü")).as("AWS allows UTF-8").isEqualTo("Zahlungen-Fehler-ü");
        assertThat(alarm("a".repeat(255))).hasSize(255);
    }

    @Test
    void anAlarmArnOfTheToolsetsRegionAndAccountBecomesTheName() {
        assertThat(alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm:payments-api-5xx")).isEqualTo("payments-api-5xx");
        assertThat(alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm:payments: declines")).as("names may hold ':'")
                .isEqualTo("payments: declines");
        assertThat(CloudWatchResourceKind.alarmName("arn:aws:cloudwatch:us-east-1:123456789012:alarm:a:b")).isEqualTo("a:b");
        assertThat(CloudWatchResourceKind.alarmName("payments-api-5xx")).isEqualTo("payments-api-5xx");
    }

    @Test
    void alarmArnsOfAnotherRegionOrAccountOrWithoutAConfiguredAccountAreRefused() {
        assertThatThrownBy(() -> alarm("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:payments-api-5xx"))
                .hasMessage("'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:payments-api-5xx' is in region eu-west-1; this toolset serves "
                        + "us-east-1: give an alarm of us-east-1 or use the toolset configured for eu-west-1");
        assertThatThrownBy(() -> alarm("arn:aws:cloudwatch:us-east-1:210987654321:alarm:payments-api-5xx"))
                .hasMessageContaining("belongs to another AWS account");
        assertThatThrownBy(() -> ALARM.canonicalize("arn:aws:cloudwatch:us-east-1:123456789012:alarm:x", REGION, null))
                .hasMessage("alarm ARNs are not accepted by this toolset (no accountId configured); give the alarm name");
        assertThatThrownBy(() -> alarm("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/payments"))
                .hasMessageContaining("is not a CloudWatch alarm ARN");
        assertThatThrownBy(() -> alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm:")).hasMessageContaining("is not a CloudWatch alarm ARN");
    }

    @Test
    void blankControlInvisibleAndOverlongAlarmNamesAreRefused() {
        for (String blank : new String[] {"", "   ", "\u00a0", "\u200b", "\t"}) {
            assertThatThrownBy(() -> alarm(blank)).as("'%s'", blank).hasMessageStartingWith("the alarm name is empty or only whitespace");
        }
        assertThatThrownBy(() -> alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm: ")).hasMessageStartingWith("the alarm name is empty");
        assertThatThrownBy(() -> alarm("payments\napi")).hasMessage("alarm name 'payments\\u{a}api' has a control, invisible or malformed "
                + "character at position 8; give the alarm name exactly as CloudWatch shows it");
        assertThatThrownBy(() -> alarm("payments\u200b-api")).hasMessageContaining("at position 8");
        assertThatThrownBy(() -> alarm("payments\u202e-api")).as("bidi override").hasMessageContaining("at position 8");
        assertThatThrownBy(() -> alarm("bad\ud800")).as("unpaired surrogate").hasMessageContaining("at position 3");
        assertThatThrownBy(() -> alarm("a".repeat(256))).hasMessageContaining("is longer than 255 characters");
        assertThat(alarm("emoji-\ud83d\udd25")).isEqualTo("emoji-\ud83d\udd25");
    }

    @Test
    void aNamespaceIsPrintableAsciiNotStartingWithAColon() {
        assertThat(namespace("AWS/Lambda")).isEqualTo("AWS/Lambda");
        assertThat(namespace("Payments/API")).isEqualTo("Payments/API");
        assertThat(namespace("CWAgent")).isEqualTo("CWAgent");
        assertThat(namespace("ECS/ContainerInsights: prod")).isEqualTo("ECS/ContainerInsights: prod");
        assertThatThrownBy(() -> namespace(":Payments")).hasMessageContaining("do not start with ':'");
        assertThatThrownBy(() -> namespace("Paymènts/API")).hasMessage("'Paym\\u{e8}nts/API' is not a metric namespace: CloudWatch namespaces "
                + "are printable ASCII and do not start with ':' (for example AWS/Lambda or Payments/API)");
        assertThatThrownBy(() -> namespace("Payments\t/API")).hasMessageContaining("is not a metric namespace");
        assertThatThrownBy(() -> namespace(" \u00a0")).hasMessageStartingWith("the metric namespace is empty or only whitespace");
        assertThatThrownBy(() -> namespace("N".repeat(256))).hasMessageContaining("is longer than 255 characters");
        assertThat(namespace("arn:aws:cloudwatch:us-east-1:123456789012:alarm:x")).as("namespaces have no ARN form: text stays text")
                .isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:x");
    }

    @Test
    void patternsCoverWithStarAsTheOnlyWildcardAndExactCase() {
        assertThat(ALARM.covers("payments-*", "payments-api-5xx")).isTrue();
        assertThat(ALARM.covers("payments-*", "payments-")).isTrue();
        assertThat(ALARM.covers("payments-*", "Payments-api")).isFalse();
        assertThat(ALARM.covers("payments-*", "inventory-payments-x")).isFalse();
        assertThat(ALARM.covers("*-5xx", "payments-api-5xx")).isTrue();
        assertThat(ALARM.covers("payments-*-5xx", "payments-api-latency")).isFalse();
        assertThat(ALARM.covers("payments-api-5xx", "payments-api-5xx")).isTrue();
        assertThat(ALARM.covers("payments-api-5xx", "payments-api-5xx2")).isFalse();
        assertThat(ALARM.covers("payments-?", "payments-a")).as("? is a literal").isFalse();
        assertThat(ALARM.covers("payments-?", "payments-?")).isTrue();
        assertThat(ALARM.covers("*", "anything: at/all")).isTrue();
        assertThat(METRIC_NAMESPACE.covers("Payments/*", "Payments/API")).isTrue();
        assertThat(METRIC_NAMESPACE.covers("Payments/*", "payments/API")).isFalse();
        assertThat(METRIC_NAMESPACE.covers("Payments/*", "Payments")).isFalse();
        assertThat(METRIC_NAMESPACE.covers("AWS/Lambda", "AWS/Lambda")).isTrue();
        assertThat(METRIC_NAMESPACE.covers("AWS/*", "AWS/Lambda/Extra")).as("* spans /").isTrue();
    }

    @Test
    void matchingStaysFastOnPathologicalPatterns() {
        String text = "a".repeat(5000) + "b";
        long started = System.nanoTime();
        boolean covered = ALARM.covers("*a*a*a*a*a*a*a*a*c", text);
        assertThat(covered).isFalse();
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }
}
