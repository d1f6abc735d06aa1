package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.ToolsetHarness;
import dev.awsmcp.toolset.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A Lambda toolset on local AWS plus a direct client to create functions; one per test class.
 * Switches moto's Lambda to its Docker-less mode before any CreateFunction (DESIGN §11): functions
 * are stored, and invoke echoes the payload or answers results queued with {@link #queueResults}.
 */
final class LambdaFixture extends ToolsetHarness {

    static final String ROLE = "arn:aws:iam::123456789012:role/lambda-test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final LambdaAsyncClient admin;

    LambdaFixture(LocalAws aws) {
        this(aws, null);
    }

    /** A fixture whose toolset has the Lambda type's {@code options} (e.g. {@code showEnvironment}). */
    LambdaFixture(LocalAws aws, ObjectNode options) {
        super(aws, new LambdaToolsetFactory(), "lambda", "lambda", options);
        motoApi("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
        // Moto refuses CreateFunction when the role does not exist; the module has no IAM client, so ask moto directly.
        query("iam", Map.of("Action", "CreateRole", "Version", "2010-05-08", "RoleName", "lambda-test",
                "AssumeRolePolicyDocument", "{}"));
        this.admin = aws.toolsetContext().buildClient(LambdaAsyncClient.builder(), aws.toolsetConfig("admin", "lambda", null));
    }

    static String json(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip archive holding one file, as CreateFunction wants code. */
    static byte[] zip(String file, String source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(file));
            zip.write(source.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    CompletableFuture<?> createFunctionAsync(String name, Map<String, String> environment) {
        return admin.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).role(ROLE)
                .handler("handler.handler").memorySize(256).timeout(30)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("handler.py", "def handler(event, context):\n    return event\n"))))
                .environment(e -> e.variables(environment))
                .overrideConfiguration(overrides()));
    }

    void createFunction(String name, Map<String, String> environment) {
        createFunctionAsync(name, environment).join();
    }

    void createFunctions(List<String> names) {
        CompletableFuture.allOf(names.stream().map(name -> createFunctionAsync(name, Map.of()))
                .toArray(CompletableFuture[]::new)).join();
    }

    String publishVersion(String function, String description) {
        return admin.publishVersion(b -> b.functionName(function).description(description).overrideConfiguration(overrides()))
                .join().version();
    }

    void updateEnvironment(String function, Map<String, String> environment) {
        admin.updateFunctionConfiguration(b -> b.functionName(function).environment(e -> e.variables(environment))
                .overrideConfiguration(overrides())).join();
    }

    /** Queues canned invoke results, answered in order by moto's Docker-less Lambda, then echoing resumes. */
    void queueResults(List<String> results) {
        ObjectNode body = Json.object();
        results.forEach(body.putArray("results")::add);
        body.put("region", aws().region().id());
        body.put("account_id", "123456789012");
        motoApi("/moto-api/static/lambda-simple/response", json(body));
    }

    /** Creates an SQS queue in moto (the module has no SQS client) and returns its ARN. */
    String createQueue(String name) {
        query("sqs", Map.of("Action", "CreateQueue", "Version", "2012-11-05", "QueueName", name));
        return "arn:aws:sqs:" + aws().region().id() + ":123456789012:" + name;
    }

    /** Posts to one of moto's own endpoints ({@code /moto-api/config}, canned Lambda results). */
    private void motoApi(String path, String json) {
        aws().server().post(path, json);
    }

    /** Sends a query-protocol request to moto; the fake credential scope only tells moto which service. */
    private void query(String service, Map<String, String> parameters) {
        String form = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        send(HttpRequest.newBuilder(URI.create(aws().endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20240101/" + aws().region().id() + "/" + service
                        + "/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), service + " " + parameters.get("Action"));
    }

    private static void send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2 && !response.body().contains("EntityAlreadyExists")) {
                throw new IllegalStateException(what + " failed with " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        super.close();
        admin.close();
    }
}
