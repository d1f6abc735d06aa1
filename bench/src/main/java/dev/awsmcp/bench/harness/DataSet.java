package dev.awsmcp.bench.harness;

import dev.awsmcp.testkit.SeedScripts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The fixed data set every target reads: orders in DynamoDB (100 per customer, so a query returns 100
 * items), log events spread over log groups (one stream each, timestamps in a known window), text objects
 * in S3 from 1 KB to 1 MB, and Lambda functions. Sizes scale down for the smoke run; the content is
 * deterministic so every run reads the same bytes.
 *
 * @param orders DynamoDB items in {@link #TABLE}
 * @param logEvents events over all {@code logGroups}
 * @param logGroups log groups {@code /bench/app-00}...
 * @param functions Lambda functions {@code bench-fn-00}...
 * @param windowStart epoch millis before the first log event (filter windows start here)
 * @param windowEnd epoch millis after the last log event
 */
record DataSet(int orders, int logEvents, int logGroups, int functions, long windowStart, long windowEnd) {

    static final String TABLE = "bench-orders";
    static final String BUCKET = "bench-objects";
    static final String LOG_GROUP_PREFIX = "/bench/app-";
    static final String FUNCTION_PREFIX = "bench-fn-";
    static final String REGION = "us-east-1";
    /** Object sizes seeded; the workload reads the 1 KB and 32 KB ones. */
    static final Map<String, Integer> OBJECTS = objects();
    static final int PER_CUSTOMER = 100;

    /** The sizes of the published runs (issue 9). */
    static DataSet full() {
        return sized(10_000, 50_000, 10, 20);
    }

    /** A few seconds of seeding, for the CI smoke run. */
    static DataSet smoke() {
        return sized(200, 1_000, 2, 3);
    }

    static DataSet sized(int orders, int logEvents, int logGroups, int functions) {
        if (orders < 1 || logEvents < logGroups || logGroups < 1 || functions < 1) {
            throw new IllegalArgumentException("data set sizes must be positive (and log events >= log groups)");
        }
        long start = System.currentTimeMillis() - Duration.ofMinutes(30).toMillis();
        return new DataSet(orders, logEvents, logGroups, functions, start - 60_000, start + Duration.ofHours(1).toMillis());
    }

    String customer(int i) {
        return "c%04d".formatted(i);
    }

    /** The order {@code get_item} reads. */
    String getItemCustomer() {
        return customer(0);
    }

    String getItemOrder() {
        return "o%05d".formatted(Math.min(42, Math.min(orders, PER_CUSTOMER) - 1));
    }

    /** The customer {@code query} reads: 100 orders (fewer only when the data set is smaller). */
    String queryCustomer() {
        return customer(orders > PER_CUSTOMER ? 1 : 0);
    }

    String logGroup(int i) {
        return LOG_GROUP_PREFIX + "%02d".formatted(i);
    }

    static String objectKey(String size) {
        return "text/" + size + ".txt";
    }

    void seed(AwsClients aws, URI motoEndpoint) throws Exception {
        seedOrders(aws);
        seedLogs(aws);
        seedObjects(aws);
        seedFunctions(motoEndpoint);
    }

    private void seedOrders(AwsClients aws) {
        aws.dynamoDb().createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("customer").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("order").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("customer").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("order").keyType(KeyType.RANGE).build())).join();
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Map<String, AttributeValue> item = order(i);
            batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            if (batch.size() == 25 || i == orders - 1) {
                List<WriteRequest> items = List.copyOf(batch);
                var unprocessed = aws.dynamoDb().batchWriteItem(b -> b.requestItems(Map.of(TABLE, items))).join().unprocessedItems();
                if (!unprocessed.isEmpty()) {
                    throw new IllegalStateException("DynamoDB Local left items unprocessed while seeding");
                }
                batch.clear();
            }
        }
    }

    private Map<String, AttributeValue> order(int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("customer", s(customer(i / PER_CUSTOMER)));
        item.put("order", s("o%05d".formatted(i % PER_CUSTOMER)));
        item.put("status", s(i % 7 == 0 ? "PAYMENT_PENDING" : "SHIPPED"));
        item.put("amount", AttributeValue.fromN(Integer.toString(1000 + (i * 37) % 90_000)));
        item.put("currency", s("EUR"));
        item.put("created", s("2026-11-%02dT%02d:%02d:00Z".formatted(1 + i % 28, i % 24, i % 60)));
        item.put("lines", AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("sku", s("SKU-%05d".formatted(i % 5000)), "qty", AttributeValue.fromN("2"))),
                AttributeValue.fromM(Map.of("sku", s("SKU-%05d".formatted((i * 7) % 5000)), "qty", AttributeValue.fromN("1"))))));
        item.put("note", s("gift wrap requested; deliver to reception between 9 and 17"));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private void seedLogs(AwsClients aws) {
        int perGroup = logEvents / logGroups;
        long first = windowStart + 60_000;
        for (int g = 0; g < logGroups; g++) {
            String group = logGroup(g);
            aws.logs().createLogGroup(b -> b.logGroupName(group)).join();
            aws.logs().createLogStream(b -> b.logGroupName(group).logStreamName("main")).join();
            List<InputLogEvent> batch = new ArrayList<>();
            for (int i = 0; i < perGroup; i++) {
                batch.add(InputLogEvent.builder().timestamp(first + i * 10L).message(logLine(g, i)).build());
                if (batch.size() == 2_000 || i == perGroup - 1) {
                    List<InputLogEvent> events = List.copyOf(batch);
                    aws.logs().putLogEvents(b -> b.logGroupName(group).logStreamName("main").logEvents(events)).join();
                    batch.clear();
                }
            }
        }
    }

    private static String logLine(int group, int i) {
        String level = i % 10 == 0 ? "ERROR" : "INFO";
        return "{\"level\":\"%s\",\"service\":\"app-%02d\",\"request_id\":\"req-%08d\",\"msg\":\"%s\",\"latency_ms\":%d}"
                .formatted(level, group, i, level.equals("ERROR") ? "card processor timeout after 3000 ms" : "order processed",
                        (i * 13) % 900);
    }

    private void seedObjects(AwsClients aws) {
        aws.s3().createBucket(b -> b.bucket(BUCKET)).join();
        OBJECTS.forEach((name, size) -> aws.s3().putObject(b -> b.bucket(BUCKET).key(objectKey(name)).contentType("text/plain"),
                AsyncRequestBody.fromString(text(size))).join());
    }

    /** ASCII text of exactly {@code size} bytes: numbered runbook-like lines. */
    static String text(int size) {
        StringBuilder text = new StringBuilder(size + 100);
        for (int line = 0; text.length() < size; line++) {
            text.append("%06d step: check the payments dashboard, then the order queue depth and the error rate\n".formatted(line));
        }
        text.setLength(size);
        return text.toString();
    }

    private void seedFunctions(URI motoEndpoint) throws IOException {
        // Lambda needs an IAM role in moto, and the AWS SDK's IAM module is not on the mirror this
        // project builds from: the functions are created by a boto3 script (the testkit's runner).
        String header = "COUNT = %d\nPREFIX = \"%s\"\n".formatted(functions, FUNCTION_PREFIX);
        try (InputStream body = DataSet.class.getResourceAsStream("seed-functions.py")) {
            if (body == null) {
                throw new IllegalStateException("seed-functions.py is missing from the bench classes");
            }
            byte[] script = (header + new String(body.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            SeedScripts.run(new ByteArrayInputStream(script), "seed-functions.py", motoEndpoint, REGION, Duration.ofSeconds(120));
        }
    }

    private static Map<String, Integer> objects() {
        Map<String, Integer> objects = new LinkedHashMap<>();
        objects.put("1k", 1024);
        objects.put("32k", 32 * 1024);
        objects.put("256k", 256 * 1024);
        objects.put("1m", 1024 * 1024);
        return java.util.Collections.unmodifiableMap(objects);
    }
}
