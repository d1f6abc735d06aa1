package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.awsmcp.gateway.testing.GatewayHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to the console of a running test gateway, as its page makes them. */
final class ConsoleHttp {

    /** One answer: status, body as text and as JSON (missing when not JSON), and the response. */
    record Answer(int status, String text, JsonNode json, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String error() {
            return json.path("error").isTextual() ? json.path("error").asText() : json.path("error").path("message").asText();
        }
    }

    private ConsoleHttp() {
    }

    /** {@code GET /console/<path>} with {@code headers} (name, value, ...). */
    static Answer get(RunningGateway gateway, String path, String... headers) {
        return send(gateway, path, HttpRequest.newBuilder().GET(), headers);
    }

    /** {@code POST /console/<path>} with a JSON body. */
    static Answer post(RunningGateway gateway, String path, String body, String... headers) {
        return send(gateway, path, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), headers);
    }

    private static Answer send(RunningGateway gateway, String path, HttpRequest.Builder request, String... headers) {
        URI url = URI.create(gateway.adminUrl() + "/console/" + path);
        request.uri(url).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = GatewayHttp.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = Json.mapper().readTree(response.body());
            } catch (IOException e) {
                json = MissingNode.getInstance();
            }
            return new Answer(response.statusCode(), response.body(), json == null ? MissingNode.getInstance() : json, response);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
