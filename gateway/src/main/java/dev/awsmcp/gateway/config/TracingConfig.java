package dev.awsmcp.gateway.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OpenTelemetry tracing of tool calls ({@code tracing}, docs/tracing.md): off unless {@code enabled}; when on, spans are
 * exported with OTLP over HTTP to {@link Otlp#endpoint}. {@link #toString()} never shows header values (they often
 * carry a vendor's API key).
 *
 * @param enabled whether calls are traced and exported (default false: no tracing objects on the call path)
 * @param serviceName the {@code service.name} of the exported spans; default {@code mcp-gateway}
 * @param sampleRatio the share of traces started here (a request without a sampled trace context) that are kept, 0 to 1;
 *     default 1. A request's own sampled flag is followed.
 * @param otlp where spans go
 */
public record TracingConfig(Boolean enabled, String serviceName, Double sampleRatio, Otlp otlp) {

    public TracingConfig {
        enabled = enabled != null && enabled;
        serviceName = serviceName == null || serviceName.isBlank() ? "mcp-gateway" : serviceName.trim();
        sampleRatio = sampleRatio == null ? 1.0 : sampleRatio;
        otlp = otlp == null ? Otlp.defaults() : otlp;
        if (!(sampleRatio >= 0 && sampleRatio <= 1)) {
            throw new ConfigException("tracing.sampleRatio: " + sampleRatio + " must be from 0 to 1 (1 keeps every trace started here, "
                    + "0.1 one in ten; default 1)");
        }
    }

    static TracingConfig defaults() {
        return new TracingConfig(null, null, null, null);
    }

    /**
     * The OTLP exporter.
     *
     * @param endpoint the collector's OTLP/HTTP traces URL; default {@code http://127.0.0.1:4318/v1/traces}; a URL without
     *     a path gets {@code /v1/traces}
     * @param protocol {@code http/protobuf}, the only one this build sends (default)
     * @param headers sent with every export, e.g. a vendor's API key (write it as {@code ${ENV_VAR}}); none by default
     * @param timeout how long one export may take; default {@code 10s}
     * @param compression {@code gzip} or {@code none} (default)
     */
    public record Otlp(String endpoint, String protocol, Map<String, String> headers, Duration timeout, String compression) {

        /** The one protocol this build exports with. */
        public static final String HTTP_PROTOBUF = "http/protobuf";
        private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

        public Otlp {
            endpoint = endpoint == null || endpoint.isBlank() ? "http://127.0.0.1:4318/v1/traces" : endpoint.trim();
            protocol = protocol == null || protocol.isBlank() ? HTTP_PROTOBUF : protocol.trim();
            headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            compression = compression == null || compression.isBlank() ? "none" : compression.trim();
            if (!HttpUrls.isAbsoluteHttp(endpoint)) {
                throw new ConfigException("tracing.otlp.endpoint: '" + endpoint + "' is not an http(s) URL; write the collector's "
                        + "OTLP/HTTP traces URL, e.g. http://127.0.0.1:4318/v1/traces");
            }
            if (!protocol.equals(HTTP_PROTOBUF)) {
                throw new ConfigException("tracing.otlp.protocol: '" + protocol + "' is not supported; the gateway exports OTLP over "
                        + "HTTP: write http/protobuf and point endpoint at the collector's OTLP/HTTP receiver (port 4318)");
            }
            if (!compression.equals("gzip") && !compression.equals("none")) {
                throw new ConfigException("tracing.otlp.compression: '" + compression + "' is not one of gzip, none (default none)");
            }
            headers.forEach((name, value) -> {
                if (name == null || !HEADER_NAME.matcher(name).matches()) {
                    throw new ConfigException("tracing.otlp.headers: '" + name + "' is not an HTTP header name; use letters, digits "
                            + "and -, e.g. x-api-key");
                }
                if (value == null || value.isBlank() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw new ConfigException("tracing.otlp.headers." + name + ": needs a value on one line; write it as ${ENV_VAR} "
                            + "when it is a secret");
                }
            });
            if (timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new ConfigException("tracing.otlp.timeout: " + Durations.format(timeout) + " is longer than 1m; an export that "
                        + "slow holds spans in memory, so use e.g. 10s");
            }
        }

        static Otlp defaults() {
            return new Otlp(null, null, null, null, null);
        }

        /** The endpoint with {@code /v1/traces} added when it names no path. */
        public String tracesUrl() {
            String path = java.net.URI.create(endpoint).getRawPath();
            return path == null || path.isEmpty() || path.equals("/") ? endpoint.replaceAll("/$", "") + "/v1/traces" : endpoint;
        }

        @Override
        public String toString() {
            return "Otlp[endpoint=" + endpoint + ", protocol=" + protocol + ", headers=" + headers.keySet() + ", timeout="
                    + Durations.format(timeout) + ", compression=" + compression + "]";
        }
    }
}
