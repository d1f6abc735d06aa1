package dev.awsmcp.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsmcp.bench.CpuTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * How fast this machine runs Java today, as one fixed piece of work timed in CPU time of the harness's thread: Jackson
 * reading a generated 64 KiB JSON document (the same bytes in every run) into a tree. The same code measured on this
 * shared machine on different days differed two to three times; every report prints this figure beside the machine, so
 * two reports' absolute figures can be compared through it (their ratios need no such help). It is coarse: three
 * launches within minutes here gave medians of 199 to 294 MB/s, so it tells a two-fold change, not a tenth.
 */
final class Calibration {

    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long ROUND_NANOS = 200_000_000L;
    private static final int ROUNDS = 7;

    private Calibration() {
    }

    /** The calibration figure, as the report prints it. */
    static String jsonParse() {
        byte[] document = document();
        ObjectMapper mapper = new ObjectMapper();
        parse(mapper, document, WARM_UP_NANOS);
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            rounds[r] = parse(mapper, document, ROUND_NANOS);
        }
        Arrays.sort(rounds);
        return String.format("Jackson reads a fixed 64 KiB JSON document at %.0f MB per CPU second (harness JVM, median of %d rounds;"
                + " %.0f to %.0f)", rounds[ROUNDS / 2], ROUNDS, rounds[0], rounds[ROUNDS - 1]);
    }

    /** MB of {@code document} read per second of this thread's CPU time, over about {@code nanos} of it. */
    private static double parse(ObjectMapper mapper, byte[] document, long nanos) {
        double micros = CpuTime.microsPerCall(() -> {
            try {
                return mapper.readTree(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, nanos);
        return document.length / micros;
    }

    /** Records of log-like events: names, numbers, ASCII text with escapes; from a fixed seed, so the same every run. */
    static byte[] document() {
        Random random = new Random(19);
        StringBuilder json = new StringBuilder(70_000).append("{\"events\":[");
        for (int i = 0; json.length() < 64 * 1024 - 200; i++) {
            json.append(i == 0 ? "" : ",").append("{\"timestamp\":").append(1_765_000_000_000L + random.nextInt(1_000_000))
                    .append(",\"stream\":\"api/").append(Integer.toHexString(random.nextInt())).append("\",\"message\":\"")
                    .append("GET /v1/orders/").append(random.nextInt(100_000)).append(" 200 ").append(random.nextInt(900))
                    .append(" ms \\\"payments-api\\\"\\tuser=").append(random.nextInt(5_000)).append("\",\"ok\":")
                    .append(random.nextBoolean()).append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
