package dev.awsmcp.gateway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a gateway's {@code /metrics} over real HTTP, parsed from the Prometheus text format. */
public final class MetricsScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /**
     * One client for every scrape: on JDK 17 a client that becomes unreachable while its request is in
     * flight can stop its selector thread and leave {@code send} waiting forever.
     */
    private static final HttpClient CLIENT = GatewayHttp.CLIENT;

    private final String text;
    private final List<Sample> samples;

    private MetricsScrape(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    /** GETs {@code <admin url>/metrics}; fails unless it answers 200 in the Prometheus text format. */
    public static MetricsScrape of(RunningGateway gateway) {
        return of(gateway.adminUrl());
    }

    /** GETs {@code <adminUrl>/metrics}. */
    public static MetricsScrape of(URI adminUrl) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(adminUrl.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain")) {
                throw new IllegalStateException("/metrics answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Scrapes until the sum of {@code name}{labels} reaches {@code expected} (AWS SDK interceptors may
     * record a failed attempt just after the call answered), for at most ten seconds; returns the last scrape.
     */
    public static MetricsScrape awaiting(RunningGateway gateway, double expected, String name, String... labels) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        MetricsScrape scrape = of(gateway);
        while (scrape.value(name, labels) < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            scrape = of(gateway);
        }
        return scrape;
    }

    static MetricsScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.trim());
            if (!m.matches()) {
                throw new IllegalStateException("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new MetricsScrape(text, samples);
    }

    /** The whole scrape as text. */
    public String text() {
        return text;
    }

    /** Every sample of {@code name} whose labels include the given name/value pairs. */
    public List<Sample> samples(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && matches(s.labels(), labels)).toList();
    }

    /** The sum of the matching samples; 0 when there is none. */
    public double value(String name, String... labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** True when some sample matches. */
    public boolean has(String name, String... labels) {
        return !samples(name, labels).isEmpty();
    }

    private static boolean matches(Map<String, String> actual, String... wanted) {
        for (int i = 0; i < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(actual.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }
}
