package dev.awsmcp.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;

/**
 * Realistic, benign AWS-shaped payloads for the benchmarks, generated deterministically: a CloudWatch
 * log batch (JSON events, stack traces, plain lines), an S3 runbook in markdown, a DynamoDB query page
 * and a large document. Trigger words such as "ignore", "system", "override" appear as they do in real
 * operational text, so the detector's keyword windows are exercised.
 */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SERVICES = {"payments-api", "orders-worker", "auth-service", "inventory-sync"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"};
    private static final String[] MESSAGES = {
        "Request completed status=200 latencyMs=%d path=/v1/orders/%d",
        "Retrying call to dynamodb attempt=%d backoffMs=%d, ignore the first retry in alarms",
        "system: payments-api started in %dms with %d worker threads",
        "Override the default timeout with TIMEOUT_MS=%d (currently %d)",
        "User session refreshed userId=u-%d ttl=%d",
        "Cache miss ratio %d%% over %d requests; previous window was fine",
    };
    private static final String STACK = "java.lang.IllegalStateException: connection pool exhausted\n"
            + "\tat com.example.pool.Pool.borrow(Pool.java:118)\n"
            + "\tat com.example.orders.OrderRepository.save(OrderRepository.java:54)\n"
            + "\tat com.example.orders.OrderHandler.handleRequest(OrderHandler.java:33)\n";

    private Payloads() {
    }

    /** A CloudWatch Logs batch of about {@code bytes} characters. */
    public static String logBatch(int bytes) {
        Random random = new Random(7);
        StringBuilder out = new StringBuilder(bytes + 512);
        long timestamp = 1_718_000_000_000L;
        while (out.length() < bytes) {
            timestamp += random.nextInt(900);
            String service = SERVICES[random.nextInt(SERVICES.length)];
            String message = String.format(MESSAGES[random.nextInt(MESSAGES.length)], random.nextInt(5000),
                    random.nextInt(90000));
            if (random.nextInt(3) == 0) {
                out.append(String.format("{\"timestamp\":%d,\"level\":\"%s\",\"service\":\"%s\",\"requestId\":"
                        + "\"%08x-4a1b-9c2d-%012x\",\"message\":\"%s\"}%n", timestamp,
                        LEVELS[random.nextInt(LEVELS.length)], service, random.nextInt(), random.nextLong() >>> 16,
                        message));
            } else {
                out.append(String.format("%d %s [%s] %s%n", timestamp, LEVELS[random.nextInt(LEVELS.length)],
                        service, message));
            }
            if (random.nextInt(25) == 0) {
                out.append(STACK);
            }
        }
        return out.toString();
    }

    /** A DynamoDB Query page (JSON, attribute-value format) of about {@code bytes} characters. */
    public static String dynamoDbPage(int bytes) {
        Random random = new Random(11);
        StringBuilder out = new StringBuilder(bytes + 512).append("{\"Items\":[");
        int count = 0;
        while (out.length() < bytes) {
            if (count++ > 0) {
                out.append(',');
            }
            out.append(String.format("{\"pk\":{\"S\":\"ORDER#%d\"},\"sk\":{\"S\":\"ITEM#%03d\"},\"status\":"
                    + "{\"S\":\"%s\"},\"amount\":{\"N\":\"%d.%02d\"},\"note\":{\"S\":\"Customer asked to ignore "
                    + "the gift wrap option; deliver to the front desk\"},\"tags\":{\"SS\":[\"priority\",\"eu-west-1\"]},"
                    + "\"updatedAt\":{\"S\":\"2024-06-%02dT10:%02d:00Z\"}}", random.nextInt(1_000_000), count,
                    random.nextBoolean() ? "SHIPPED" : "PENDING", random.nextInt(900), random.nextInt(100),
                    1 + random.nextInt(28), random.nextInt(60)));
        }
        return out.append(String.format("],\"Count\":%d,\"ScannedCount\":%d}", count, count)).toString();
    }

    /** An S3 runbook in markdown, repeated to about {@code bytes} characters. */
    public static String runbook(int bytes) {
        String section = "# Runbook: payments-api elevated 5xx\n\n"
                + "## System overview\nThe payments-api runs on ECS behind an ALB. It calls DynamoDB and SQS.\n\n"
                + "## Steps\n1. Open the [dashboard](https://console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                + "#dashboards:name=payments).\n2. Ignore the first alarm after a deploy; it is expected.\n"
                + "3. If the error rate stays above 2%, roll back:\n\n```bash\naws ecs update-service --cluster prod "
                + "--service payments-api --force-new-deployment\n```\n\n"
                + "![architecture](https://docs.example.com/img/payments-arch.png)\n\n"
                + "> Note: override the default timeout only with approval from the on-call lead.\n\n"
                + "| step | owner | eta |\n|---|---|---|\n| rollback | on-call | 10 min |\n| postmortem | team | 2 days |\n\n";
        StringBuilder out = new StringBuilder(bytes + section.length());
        while (out.length() < bytes) {
            out.append(section);
        }
        return out.toString();
    }

    /**
     * The payload as the JSON result a tool returns: log events with a timestamp and a message each, the
     * DynamoDB page as it is, an S3 object with its body, a document as one value.
     */
    public static String resultJson(String kind, String text) {
        return switch (kind) {
            case "log-batch" -> logEvents(text);
            case "dynamodb-page" -> text;
            case "s3-runbook" -> "{\"bucket\":\"runbooks\",\"key\":\"payments/elevated-5xx.md\",\"contentType\":"
                    + "\"text/markdown\",\"body\":" + quote(text) + "}";
            default -> "{\"body\":" + quote(text) + "}";
        };
    }

    private static String logEvents(String batch) {
        StringBuilder out = new StringBuilder(batch.length() * 2).append("{\"logGroupName\":\"/ecs/payments/api\",\"events\":[");
        long timestamp = 1_718_000_000_000L;
        String[] lines = batch.split("\n");
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : ",").append("{\"timestamp\":").append(timestamp + 37L * i)
                    .append(",\"logStreamName\":\"ecs/api/7f3c\",\"message\":").append(quote(lines[i])).append('}');
        }
        return out.append("]}").toString();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload of a benchmark parameter: {@code log-batch-64k}, {@code dynamodb-page-64k}, {@code s3-runbook-16k}, {@code document-1m}. */
    public static String named(String payload) {
        return switch (payload) {
            case "log-batch-64k" -> logBatch(64 * 1024);
            case "dynamodb-page-64k" -> dynamoDbPage(64 * 1024);
            case "s3-runbook-16k" -> runbook(16 * 1024);
            case "document-1m" -> document(1024 * 1024);
            default -> throw new IllegalArgumentException("unknown payload " + payload);
        };
    }

    /** {@link #resultJson} for a benchmark parameter ({@link #named}). */
    public static String namedResultJson(String payload, String text) {
        return resultJson(payload.substring(0, payload.lastIndexOf('-')), text);
    }

    /**
     * Adversarial text of about {@code bytes} characters, built to make the rules work as hard as they
     * can: every line holds the trigger of one rule family and a long tail that almost matches.
     * {@code ignore}: override verbs with qualifiers but no instruction noun; {@code markdown}: image and
     * link openers with long, unclosed URLs; {@code roles}: role labels at line start with long values;
     * {@code brackets}: {@code ![} and {@code <!--} runs without their closing part; {@code base64}:
     * blobs that decode to binary.
     */
    public static String adversarial(String kind, int bytes) {
        String line = switch (kind) {
            case "ignore" -> "ignore all previous above earlier prior the the the the the retries and alarms now\n";
            case "markdown" -> "![x](https://a.example/p?q=aaaaaaaaaaa&r=bbbbbbbbbbb&s=ccccccccccc ](http://b/?x ![y\n";
            case "roles" -> "system: assistant: you: system prompt: human: developer: your your your your your\n";
            case "brackets" -> "![[[[[[[[[[[[ <!-- <!-- <|<|<|<| [inst [inst <<sys <tool_call <img src= ![ ](//\n";
            case "base64" -> "Zm9vYmFy/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+/w+ ab\n";
            default -> throw new IllegalArgumentException("unknown adversarial kind " + kind);
        };
        StringBuilder out = new StringBuilder(bytes + line.length());
        while (out.length() < bytes) {
            out.append(line);
        }
        return out.toString();
    }

    /** A large mixed document (runbook, logs and items interleaved) of about {@code bytes} characters. */
    public static String document(int bytes) {
        StringBuilder out = new StringBuilder(bytes + 70_000);
        while (out.length() < bytes) {
            out.append(runbook(8 * 1024)).append(logBatch(32 * 1024)).append(dynamoDbPage(16 * 1024)).append('\n');
        }
        return out.toString();
    }
}
