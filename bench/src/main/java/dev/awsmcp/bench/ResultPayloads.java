package dev.awsmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Whole tool results of about a given size, shaped as the guard receives them, benign and generated
 * deterministically (fixed seeds): a CloudWatch Logs {@code filter_log_events} page, an S3 {@code get_object}
 * of a markdown runbook, and a DynamoDB query page in the typed attribute-value format. Values vary from event
 * to event and item to item (request ids, timestamps, amounts), as real pages do, so the guard's memory of
 * clean values helps only where real data repeats too (field names, stream names, states). Operator words
 * that are also rule keywords ("ignore", "system:", "override", "instructions") occur where real text has them.
 */
public final class ResultPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ESC = "\u001b";

    /** The three kinds, as benchmark parameters. */
    public static final String LOGS = "logs-page";
    public static final String MARKDOWN = "markdown-runbook";
    public static final String DYNAMODB = "dynamodb-page";

    private ResultPayloads() {
    }

    /** The result of {@code kind} of about {@code bytes} bytes of JSON (UTF-8). */
    public static ObjectNode of(String kind, int bytes) {
        return switch (kind) {
            case LOGS -> logsPage(bytes);
            case MARKDOWN -> markdownObject(bytes);
            case DYNAMODB -> dynamoDbPage(bytes);
            default -> throw new IllegalArgumentException("unknown result payload " + kind + "; one of " + LOGS + ", "
                    + MARKDOWN + ", " + DYNAMODB);
        };
    }

    /** The UTF-8 size of {@code result} written as JSON: the bytes of input a guard pass reads. */
    public static int size(JsonNode result) {
        try {
            return JSON.writeValueAsBytes(result).length;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A {@code logs__filter_log_events} page as the logs toolset writes it ({@code log_group}, window, {@code events}
     * of {@code timestamp}, {@code stream}, {@code message}, {@code count}, {@code next_cursor}). Messages: coloured
     * Spring-style lines (ANSI SGR), JSON-in-message structured logs, Lambda START/END/REPORT lines, access logs,
     * Java stack traces and Python tracebacks as multi-line messages.
     */
    public static ObjectNode logsPage(int bytes) {
        Random random = new Random(19);
        ObjectNode result = JSON.createObjectNode();
        result.put("log_group", "/ecs/payments/api");
        result.put("start", "2024-06-10T12:00:00Z");
        result.put("end", "2024-06-10T13:00:00Z");
        ArrayNode events = result.putArray("events");
        String[] streams = {"ecs/payments-api/7f3c9a1b2d4e4f6a8b0c1d2e3f4a5b6c", "ecs/payments-api/0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d",
            "ecs/orders-worker/5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b", "2024/06/10/[$LATEST]3f1e9c2a7b6d4e5f8a0b1c2d3e4f5a6b"};
        long millis = 1_718_020_800_000L;
        int size = 200;
        int count = 0;
        while (size < bytes) {
            millis += 1 + random.nextInt(400);
            String message = logMessage(random, millis);
            ObjectNode event = events.addObject();
            event.put("timestamp", java.time.Instant.ofEpochMilli(millis).toString());
            event.put("stream", streams[random.nextInt(streams.length)]);
            event.put("message", message);
            size += size(event) + 1;
            count++;
        }
        result.put("count", count);
        result.put("next_cursor", "eyJ0Ijoibm9uZSIsInMiOjE3MTgwMjA4MDAwMDAsImUiOjE3MTgwMjQ0MDAwMDB9.c2NvcGU6ZmlsdGVyX2xvZ19ldmVudHM");
        return result;
    }

    private static final String[] SERVICES = {"payments-api", "orders-worker", "auth-service", "inventory-sync", "ledger"};
    private static final String[] LOGGERS = {"c.e.p.PaymentController", "c.e.o.OrderHandler", "c.e.a.TokenService",
        "o.s.w.s.DispatcherServlet", "c.e.i.SyncJob", "c.z.h.HikariPool"};
    private static final String[] PATHS = {"/v1/orders/%d", "/v1/payments/%d/capture", "/v1/customers/%d/cards", "/health",
        "/v1/orders/%d/items?include=prices"};

    private static String logMessage(Random random, long millis) {
        String time = java.time.Instant.ofEpochMilli(millis).toString();
        String requestId = uuid(random);
        int pick = random.nextInt(100);
        if (pick < 30) {
            // Spring Boot console line with ANSI colours (the log agent kept them).
            String level = random.nextInt(6) == 0 ? ESC + "[33m WARN" : ESC + "[32m INFO";
            String text = switch (random.nextInt(6)) {
                case 0 -> "Request completed status=200 latencyMs=" + random.nextInt(900) + " path="
                        + String.format(PATHS[random.nextInt(PATHS.length)], random.nextInt(100_000));
                case 1 -> "Retrying call to dynamodb attempt=" + (1 + random.nextInt(3)) + " backoffMs=" + random.nextInt(800)
                        + "; ignore the first retry in alarms";
                case 2 -> "Override the default timeout with TIMEOUT_MS=" + random.nextInt(5000) + " (currently 3000)";
                case 3 -> "HikariPool-1 - Pool stats (total=20, active=" + random.nextInt(20) + ", idle=" + random.nextInt(20)
                        + ", waiting=" + random.nextInt(4) + ")";
                case 4 -> "Cache miss ratio " + random.nextInt(40) + "% over " + random.nextInt(90_000)
                        + " requests; previous window was fine";
                default -> "User session refreshed userId=u-" + random.nextInt(1_000_000) + " ttl=" + random.nextInt(3600);
            };
            return ESC + "[2m" + time + ESC + "[0;39m " + level + ESC + "[0;39m " + ESC + "[35m" + (1 + random.nextInt(9))
                    + ESC + "[0;39m " + ESC + "[2m---" + ESC + "[0;39m " + ESC + "[2m[nio-8080-exec-" + random.nextInt(20) + "]"
                    + ESC + "[0;39m " + ESC + "[36m" + LOGGERS[random.nextInt(LOGGERS.length)] + ESC + "[0;39m "
                    + ESC + "[2m:" + ESC + "[0;39m " + text;
        }
        if (pick < 55) {
            // Structured JSON log line: JSON inside the message string.
            return "{\"level\":\"" + (random.nextInt(8) == 0 ? "warn" : "info") + "\",\"ts\":\"" + time + "\",\"service\":\""
                    + SERVICES[random.nextInt(SERVICES.length)] + "\",\"logger\":\"" + LOGGERS[random.nextInt(LOGGERS.length)]
                    + "\",\"msg\":\"" + (random.nextBoolean() ? "processed batch" : "order state changed") + "\",\"requestId\":\""
                    + requestId + "\",\"orderId\":\"ORD-" + random.nextInt(10_000_000) + "\",\"durationMs\":" + random.nextInt(2000)
                    + ",\"attributes\":{\"queue\":\"orders-" + (random.nextBoolean() ? "high" : "low") + "\",\"retry\":"
                    + random.nextInt(3) + ",\"from\":\"PENDING\",\"to\":\"" + (random.nextBoolean() ? "SHIPPED" : "CANCELLED")
                    + "\",\"system\":\"fulfilment\"},\"trace_id\":\"1-" + Long.toHexString(millis / 1000) + "-"
                    + uuid(random).replace("-", "").substring(0, 24) + "\"}";
        }
        if (pick < 70) {
            return switch (random.nextInt(3)) {
                case 0 -> "START RequestId: " + requestId + " Version: $LATEST";
                case 1 -> "END RequestId: " + requestId;
                default -> "REPORT RequestId: " + requestId + "\tDuration: " + random.nextInt(900) + "." + random.nextInt(100)
                        + " ms\tBilled Duration: " + (1 + random.nextInt(900)) + " ms\tMemory Size: 512 MB\tMax Memory Used: "
                        + (60 + random.nextInt(200)) + " MB";
            };
        }
        if (pick < 88) {
            return "10.0." + random.nextInt(8) + "." + random.nextInt(255) + " - - [10/Jun/2024:12:" + (10 + random.nextInt(50))
                    + ":" + (10 + random.nextInt(50)) + " +0000] \"" + (random.nextInt(4) == 0 ? "POST" : "GET") + " "
                    + String.format(PATHS[random.nextInt(PATHS.length)], random.nextInt(100_000)) + " HTTP/1.1\" "
                    + (random.nextInt(20) == 0 ? 503 : 200) + " " + random.nextInt(20_000)
                    + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36\" rt="
                    + random.nextInt(2) + "." + String.format("%03d", random.nextInt(1000)) + " request_id=" + requestId;
        }
        if (pick < 95) {
            return time + " ERROR 1 --- [nio-8080-exec-" + random.nextInt(20) + "] c.e.o.OrderHandler : Failed to process order "
                    + random.nextInt(10_000_000) + " (requestId=" + requestId + ")\n"
                    + "java.lang.IllegalStateException: connection pool exhausted after " + random.nextInt(30_000) + "ms\n"
                    + "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n"
                    + "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)\n"
                    + "\tat com.example.orders.OrderRepository.save(OrderRepository.java:54)\n"
                    + "\tat com.example.orders.OrderService.place(OrderService.java:" + (80 + random.nextInt(40)) + ")\n"
                    + "\tat com.example.orders.OrderHandler.handleRequest(OrderHandler.java:33)\n"
                    + "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)\n"
                    + "Caused by: java.net.SocketTimeoutException: Read timed out\n"
                    + "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n"
                    + "\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:976)\n"
                    + "\t... 42 common frames omitted";
        }
        return "[ERROR] " + time + " " + requestId + " Traceback (most recent call last):\n"
                + "  File \"/var/task/app.py\", line " + (30 + random.nextInt(20)) + ", in handler\n"
                + "    result = table.query(KeyConditionExpression=Key('pk').eq(customer_id))\n"
                + "  File \"/var/runtime/boto3/resources/factory.py\", line 580, in do_action\n"
                + "    response = action(self, *args, **kwargs)\n"
                + "  File \"/var/runtime/botocore/client.py\", line 1021, in _make_api_call\n"
                + "    raise error_class(parsed_response, operation_name)\n"
                + "botocore.exceptions.ClientError: An error occurred (ProvisionedThroughputExceededException) when calling the "
                + "Query operation: The level of configured provisioned throughput for the table was exceeded.";
    }

    /**
     * An {@code s3__get_object} result of a markdown runbook as the S3 toolset writes it, the document in {@code text}:
     * headings, numbered steps, fenced code blocks (shell, JSON, YAML), links to consoles and dashboards, images,
     * tables, block quotes, emphasis.
     */
    public static ObjectNode markdownObject(int bytes) {
        String text = markdown(bytes - 330);
        ObjectNode result = JSON.createObjectNode();
        result.put("bucket", "ops-runbooks");
        result.put("key", "payments/elevated-5xx.md");
        result.put("content_type", "text/markdown");
        result.put("total_size", text.getBytes(StandardCharsets.UTF_8).length);
        result.put("last_modified", "2024-06-09T17:42:11Z");
        result.put("content_kind", "text");
        result.put("range_start", 0);
        result.put("bytes_returned", text.getBytes(StandardCharsets.UTF_8).length);
        result.put("text", text);
        result.put("truncated", false);
        return result;
    }

    /** A markdown runbook of about {@code chars} characters: one section per service and alarm, each different. */
    public static String markdown(int chars) {
        Random random = new Random(23);
        StringBuilder out = new StringBuilder(chars + 4096);
        out.append("# Payments platform runbook\n\n_Owner: payments-sre. Last reviewed 2024-06-09._\n\n")
                .append("This runbook covers the alarms of the payments platform. Follow the steps in order; "
                        + "escalate to the on-call lead when a step says so.\n\n");
        int section = 0;
        while (out.length() < chars) {
            section++;
            String service = SERVICES[random.nextInt(SERVICES.length)];
            String region = random.nextBoolean() ? "eu-west-1" : "us-east-1";
            int threshold = 1 + random.nextInt(5);
            out.append("## ").append(section).append(". ").append(service).append(": ")
                    .append(random.nextBoolean() ? "elevated 5xx" : "latency above SLO").append("\n\n")
                    .append("### System overview\n\nThe **").append(service).append("** service runs on ECS Fargate behind an ALB in ")
                    .append(region).append(". It calls DynamoDB (`orders`, `payments-").append(section)
                    .append("`) and publishes to SQS. See the [architecture decision record](https://wiki.example.com/payments/adr/")
                    .append(100 + section).append(") for why.\n\n")
                    .append("![architecture](https://docs.example.com/img/").append(service).append("-arch-v").append(section % 7)
                    .append(".png)\n\n")
                    .append("### Symptoms\n\n- The `").append(service).append("-5xx` alarm fires (threshold ").append(threshold)
                    .append("% over 5 minutes).\n- p99 latency above ").append(200 + 50 * random.nextInt(10))
                    .append(" ms on the [service dashboard](https://console.aws.amazon.com/cloudwatch/home?region=").append(region)
                    .append("#dashboards:name=").append(service).append(").\n- Customers report failed checkouts.\n\n")
                    .append("### Steps\n\n1. Acknowledge the page in PagerDuty and post in `#inc-payments`.\n")
                    .append("2. Ignore the first alarm after a deploy; it is expected while tasks drain.\n")
                    .append("3. Check the error logs of the last 15 minutes:\n\n```bash\naws logs filter-log-events \\\n")
                    .append("  --log-group-name /ecs/").append(service).append(" \\\n  --filter-pattern '?ERROR ?Exception' \\\n")
                    .append("  --start-time $(date -d '-15 min' +%s000) --region ").append(region).append("\n```\n\n")
                    .append("4. If the error rate stays above ").append(threshold).append("%, roll back:\n\n```bash\n")
                    .append("aws ecs update-service --cluster prod --service ").append(service)
                    .append(" --task-definition ").append(service).append(":").append(40 + random.nextInt(60))
                    .append(" --force-new-deployment\n```\n\n")
                    .append("5. Check the table's throttling with the query below and compare with the capacity plan:\n\n```json\n")
                    .append("{\n  \"TableName\": \"payments-").append(section).append("\",\n  \"KeyConditionExpression\": \"pk = :pk\",\n")
                    .append("  \"ExpressionAttributeValues\": {\":pk\": {\"S\": \"CUSTOMER#").append(random.nextInt(100_000))
                    .append("\"}},\n  \"Limit\": 25\n}\n```\n\n")
                    .append("> **Note:** override the default timeout only with approval from the on-call lead; the previous "
                            + "instructions in section ").append(Math.max(1, section - 1))
                    .append(" still apply to the database failover.\n\n")
                    .append("### Configuration\n\n```yaml\nservice: ").append(service).append("\nsystem:\n  region: ").append(region)
                    .append("\n  cpu: ").append(256 << random.nextInt(3)).append("\n  memory: ").append(512 << random.nextInt(3))
                    .append("\nalarms:\n  - name: ").append(service).append("-5xx\n    threshold: ").append(threshold)
                    .append("\n```\n\n")
                    .append("| metric | threshold | owner | action |\n|---|---|---|---|\n")
                    .append("| 5xx rate | ").append(threshold).append("% | on-call | roll back |\n")
                    .append("| p99 latency | ").append(200 + 50 * random.nextInt(10)).append(" ms | on-call | scale out to ")
                    .append(4 + random.nextInt(8)).append(" tasks |\n")
                    .append("| DynamoDB throttles | ").append(random.nextInt(50)).append("/min | team | raise capacity |\n")
                    .append("| queue age | ").append(60 + random.nextInt(600)).append(" s | team | add consumers |\n\n")
                    .append("### Escalation\n\nIf the steps above do not help within ").append(15 + random.nextInt(30))
                    .append(" minutes, page the *payments lead* and open an incident in the [tracker](https://tracker.example.com/new?team=payments&severity=")
                    .append(1 + random.nextInt(3)).append("). Write the timeline as you go; the postmortem is due in 2 days.\n\n");
        }
        return out.toString();
    }

    /**
     * A DynamoDB Query page in the typed attribute-value format ({@code Items}, {@code Count}, {@code ScannedCount},
     * {@code LastEvaluatedKey}): strings, numbers, booleans, string sets, nested maps (address, payment, flags) and a
     * list of maps (order lines), as the raw API and AWS CLI return it.
     */
    public static ObjectNode dynamoDbPage(int bytes) {
        Random random = new Random(29);
        ObjectNode result = JSON.createObjectNode();
        ArrayNode items = result.putArray("Items");
        String[] cities = {"Dublin", "Berlin", "Lisbon", "Seattle", "Austin", "Osaka"};
        String[] streets = {"Main Street", "Harbour Road", "Rua Augusta", "Pine Street", "Congress Avenue", "Midosuji"};
        String[] notes = {"Customer asked to ignore the gift wrap option; deliver to the front desk",
            "Leave with the neighbour if nobody answers", "", "Call before delivery", "Fragile: glassware"};
        String[] skus = {"SKU-TEA-001", "SKU-MUG-014", "SKU-KETTLE-3", "SKU-FILTER-22", "SKU-BEANS-1KG"};
        int customer = 10_000 + random.nextInt(80_000);
        int size = 60;
        int count = 0;
        ObjectNode last = null;
        while (size < bytes) {
            ObjectNode item = items.addObject();
            String sk = "ORDER#2024-06-" + String.format("%02d", 1 + random.nextInt(28)) + "T" + String.format("%02d:%02d:%02d",
                    random.nextInt(24), random.nextInt(60), random.nextInt(60)) + "Z#" + uuid(random).substring(0, 8);
            typed(item, "pk", "S", "CUSTOMER#" + customer);
            typed(item, "sk", "S", sk);
            typed(item, "status", "S", random.nextBoolean() ? "SHIPPED" : random.nextBoolean() ? "PENDING" : "DELIVERED");
            typed(item, "total", "N", random.nextInt(900) + "." + String.format("%02d", random.nextInt(100)));
            typed(item, "currency", "S", random.nextBoolean() ? "EUR" : "USD");
            typed(item, "createdAt", "S", sk.substring(6, 26));
            ObjectNode address = item.putObject("shippingAddress").putObject("M");
            int city = random.nextInt(cities.length);
            typed(address, "street", "S", (1 + random.nextInt(200)) + " " + streets[city]);
            typed(address, "city", "S", cities[city]);
            typed(address, "postcode", "S", String.valueOf(10_000 + random.nextInt(89_999)));
            typed(address, "country", "S", city < 3 ? "EU" : city < 5 ? "US" : "JP");
            ArrayNode lines = item.putObject("lines").putArray("L");
            for (int l = 0, n = 1 + random.nextInt(4); l < n; l++) {
                ObjectNode line = lines.addObject().putObject("M");
                typed(line, "sku", "S", skus[random.nextInt(skus.length)]);
                typed(line, "qty", "N", String.valueOf(1 + random.nextInt(5)));
                typed(line, "price", "N", random.nextInt(90) + "." + String.format("%02d", random.nextInt(100)));
            }
            ObjectNode payment = item.putObject("payment").putObject("M");
            typed(payment, "method", "S", random.nextBoolean() ? "card" : "sepa");
            typed(payment, "last4", "S", String.format("%04d", random.nextInt(10_000)));
            typed(payment, "authCode", "S", Long.toHexString(random.nextLong()).toUpperCase());
            ObjectNode flags = item.putObject("flags").putObject("M");
            flags.putObject("giftWrap").put("BOOL", random.nextInt(5) == 0);
            flags.putObject("express").put("BOOL", random.nextBoolean());
            item.putObject("tags").putArray("SS").add("eu-west-1").add(random.nextBoolean() ? "priority" : "standard");
            String note = notes[random.nextInt(notes.length)];
            if (!note.isEmpty()) {
                typed(item, "note", "S", note);
            }
            typed(item, "version", "N", String.valueOf(1 + random.nextInt(9)));
            typed(item, "ttl", "N", String.valueOf(1_750_000_000L + random.nextInt(30_000_000)));
            size += size(item) + 1;
            count++;
            last = item;
        }
        result.put("Count", count);
        result.put("ScannedCount", count);
        ObjectNode lastKey = result.putObject("LastEvaluatedKey");
        lastKey.set("pk", last.get("pk"));
        lastKey.set("sk", last.get("sk"));
        return result;
    }

    private static void typed(ObjectNode object, String name, String type, String value) {
        object.putObject(name).put(type, value);
    }

    private static String uuid(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
}
