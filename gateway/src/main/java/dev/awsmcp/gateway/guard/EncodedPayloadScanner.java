package dev.awsmcp.gateway.guard;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Finds base64 and hex blobs in the original text, decodes those that decode to readable UTF-8 text
 * and rescans the decoded text with the whole detector (family {@code encoded}). Bounded: blobs of 24
 * to 64 Ki characters (longer ones are decoded from their first 64 Ki), a total decode budget per
 * top-level scan, and nesting limited by the caller's depth. Linear scan, no regular expression.
 */
final class EncodedPayloadScanner {

    static final String FAMILY = "encoded";
    static final int MIN_BLOB = 24;
    static final int MAX_BLOB = 64 * 1024;
    private static final int MAX_EXCERPT = 80;
    private static final double MIN_PRINTABLE = 0.9;
    private static final boolean[] BASE64 = new boolean[128];
    private static final byte[] SEXTETS = new byte[128];
    /** Per ASCII character, its value as a hex digit, or -1 (a run holds ASCII only: {@link Character#digit} is this there). */
    private static final byte[] HEX = new byte[128];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_".toCharArray()) {
            BASE64[c] = true;
            SEXTETS[c] = (byte) computeSextet(c);
        }
        for (char c = 0; c < 128; c++) {
            HEX[c] = (byte) Character.digit(c, 16);
        }
    }

    /** Characters that may still be decoded during one top-level scan, shared by its nested scans. */
    static final class Budget {
        private int remaining;

        Budget(int remaining) {
            this.remaining = remaining;
        }

        boolean take(int characters) {
            if (characters > remaining) {
                return false;
            }
            remaining -= characters;
            return true;
        }
    }

    /**
     * Adds an {@code encoded} finding to {@code out} for every blob in {@code text} whose decoded text
     * has findings under {@code rescan}.
     */
    void scan(String text, Budget budget, Function<String, List<Finding>> rescan, List<Finding> out) {
        // One counted loop over the text (the JIT drops its bounds checks); a run is inspected where it ends.
        int run = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (isBase64(text.charAt(i))) {
                run++;
                continue;
            }
            if (run >= MIN_BLOB) {
                inspect(text, i - run, i, budget, rescan, out);
            }
            run = 0;
        }
        if (run >= MIN_BLOB) {
            inspect(text, n - run, n, budget, rescan, out);
        }
    }

    /** Decodes and rescans the run {@code text[start, dataEnd)}; a finding spans its {@code =} padding too. */
    private static void inspect(String text, int start, int dataEnd, Budget budget, Function<String, List<Finding>> rescan,
            List<Finding> out) {
        int length = Math.min(dataEnd - start, MAX_BLOB);
        boolean hex = isHex(text, start, start + length) && length % 2 == 0;
        if (!budget.take(length)) {
            return;
        }
        byte[] bytes = hex ? decodeHex(text, start, start + length) : decodeBase64(text, start, start + length);
        String decoded = bytes == null ? null : readableText(bytes);
        if (decoded == null) {
            return;
        }
        List<Finding> inner = rescan.apply(decoded);
        if (!inner.isEmpty()) {
            int end = dataEnd;
            while (end < text.length() && end < dataEnd + 2 && text.charAt(end) == '=') {
                end++;
            }
            Finding first = inner.get(0);
            String detail = (hex ? "hex" : "base64") + " payload decodes to text with " + first.family() + "/"
                    + first.rule() + ": " + Excerpts.quote(decoded, MAX_EXCERPT);
            out.add(new Finding(FAMILY, hex ? "hex-payload" : "base64-payload", start, end, detail));
        }
    }

    static boolean isBase64(char c) {
        return c < 128 && BASE64[c];
    }

    /** Whether the run {@code text[from, to)} (base64 characters, so ASCII) is all hex digits. */
    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (HEX[text.charAt(i)] < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] decodeHex(String text, int from, int to) {
        byte[] out = new byte[(to - from) / 2];
        for (int i = 0; i < out.length; i++) {
            int high = HEX[text.charAt(from + 2 * i)];
            int low = HEX[text.charAt(from + 2 * i + 1)];
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    /** Standard or URL-safe alphabet, padding optional; null when the length cannot be base64. */
    private static byte[] decodeBase64(String text, int from, int to) {
        int length = (to - from) % 4 == 1 ? to - from - 1 : to - from;
        byte[] out = new byte[length * 3 / 4];
        int bits = 0;
        int collected = 0;
        int written = 0;
        for (int i = from; i < from + length; i++) {
            bits = bits << 6 | sextet(text.charAt(i));
            collected += 6;
            if (collected >= 8) {
                collected -= 8;
                out[written++] = (byte) (bits >> collected);
            }
        }
        return written == out.length ? out : Arrays.copyOf(out, written);
    }

    /** The six bits of a base64 character (standard or URL-safe alphabet); the scan passes only base64 characters. */
    private static int sextet(char c) {
        return SEXTETS[c];
    }

    private static int computeSextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' || c == '-' ? 62 : 63;
    }

    /**
     * A necessary condition for {@link #readableText}, without a decoder: the bytes are shaped as UTF-8 (a lead byte
     * {@code C2..F4} followed by its continuation bytes) and at most a tenth of them are ASCII controls (each one a
     * character that is not printable, and a text has at most as many characters as bytes). Most blobs in AWS data
     * (request ids, digests, trace ids) decode to bytes that fail it at once.
     */
    private static boolean mayBeText(byte[] bytes) {
        int controls = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                controls += b < 0x20 && b != '\n' && b != '\r' && b != '\t' || b == 0x7F ? 1 : 0;
                continue;
            }
            int continuation = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            if (continuation < 0 || i + continuation >= bytes.length) {
                return false;
            }
            for (int k = 1; k <= continuation; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuation;
        }
        return controls * 10L <= bytes.length;
    }

    /** The bytes as strict UTF-8, or null when they are not text (invalid, or under 90% printable). */
    private static String readableText(byte[] bytes) {
        if (!mayBeText(bytes)) {
            return null;
        }
        // Decoded without exceptions: most blobs in AWS data (request ids, digests) are not UTF-8 text.
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (decoder.decode(ByteBuffer.wrap(bytes), chars, true).isError() || decoder.flush(chars).isError()) {
            return null;
        }
        String text = chars.flip().toString();
        int printable = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            printable += c >= 0x20 && c != 0x7F || c == '\n' || c == '\r' || c == '\t' ? 1 : 0;
        }
        return !text.isEmpty() && printable >= MIN_PRINTABLE * text.length() ? text : null;
    }
}
