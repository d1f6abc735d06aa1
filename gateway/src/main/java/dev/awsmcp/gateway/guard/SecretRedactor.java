package dev.awsmcp.gateway.guard;

import dev.awsmcp.gateway.guard.SecretRule.Precheck;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces credentials in untrusted text with {@code [REDACTED:<kind>]}, optionally followed by
 * {@code #} and the first 8 hex digits of an HMAC-SHA256 of the secret under a per-process random key,
 * so the same secret correlates across values without being recoverable. Every pattern is RE2/J
 * (linear time) and written here, never built from data; each runs only when one of its trigger words
 * occurs in the text. AWS documentation example keys (ending in {@code EXAMPLE} / {@code EXAMPLEKEY})
 * are left alone. Thread-safe.
 */
public final class SecretRedactor {

    /** The result of redacting one text: the new text and one finding per redaction (offsets in the text the rule saw). */
    public record Redaction(String text, List<Finding> findings) {
        public Redaction {
            findings = List.copyOf(findings);
        }
    }

    private static final String KEY_ID_PREFIXES = "(?:AKIA|ASIA|AROA|AIDA|ANPA|ANVA|AGPA|ABIA|ACCA)";
    private static final Pattern KEY_ID = Pattern.compile("\\b(" + KEY_ID_PREFIXES + "[A-Z2-7]{16})\\b");
    private static final Pattern BASE64_40 = Pattern.compile("(?:^|[^A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)");
    /** How far from an access key id a 40-character base64 string counts as its secret key. */
    private static final int KEY_PAIR_DISTANCE = 256;
    private static final String[] KEY_ID_TRIGGERS = {"akia", "asia", "aroa", "aida", "anpa", "anva", "agpa", "abia", "acca"};
    private static final List<String> NOT_SECRET_NAMES = List.of("nexttoken", "pagetoken", "continuationtoken", "paginationtoken");
    private static final List<String> SECRET_NAMES = List.of("password", "passwd", "secret", "secretkey", "apikey", "accesstoken",
            "refreshtoken", "idtoken", "authtoken", "sessiontoken", "securitytoken", "privatekey", "token", "credential", "credentials");

    private static final List<SecretRule> BEFORE_KEY_IDS = List.of(
            SecretRule.of("private-key", "(-----BEGIN[ A-Z0-9]*PRIVATE KEY-----(?s:.*?)-----END[ A-Z0-9]*PRIVATE KEY-----)", 1,
                    SecretRule.FROM_FIRST_TRIGGER, Precheck.NONE, "-----begin"),
            SecretRule.of("private-key", "(-----BEGIN[ A-Z0-9]*PRIVATE KEY-----(?s:.*))", 1, 0, Precheck.NONE, "-----begin"),
            SecretRule.of(m -> "presigned-url-" + switch (SecretRule.lower(m, 1)) {
                case "x-amz-credential" -> "credential";
                case "x-amz-security-token" -> "security-token";
                default -> "signature";
            }, "(?i)[?&](x-amz-signature|x-amz-credential|x-amz-security-token|signature)=([^&\\s\"'<>#]+)", new int[] {2},
                    "?x-amz-security-".length(), Precheck.NONE, "signature=", "credential=", "token="),
            SecretRule.of("url-password", "\\b[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\\s:/?#@\"'<>]{0,256}:([^\\s/?#@\"'<>]{1,256})@", 1,
                    31, SecretPrechecks::userInfo, "://"),
            SecretRule.of("jwt", "\\b(eyJ[A-Za-z0-9_-]{2,}\\.eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*)", 1,
                    SecretRule.FROM_FIRST_TRIGGER, SecretPrechecks::jwt, "eyj"),
            SecretRule.of("authorization-sigv4", "(?i)authorization[\"']?\\s*[:=]\\s*[\"']?\\s*aws4-hmac-sha256\\s+([^\"'\\r\\n]+)", 1,
                    0, SecretPrechecks::assignment, "authorization"),
            SecretRule.of(m -> "authorization-" + SecretRule.lower(m, 1),
                    "(?i)authorization[\"']?\\s*[:=]\\s*[\"']?\\s*(bearer|basic|token|negotiate|digest)\\s+([A-Za-z0-9._~+/=:-]+)",
                    new int[] {2}, 0, SecretPrechecks::assignment, "authorization"),
            SecretRule.of("bearer-token", "(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{20,}=*)", 1, 0, SecretPrechecks::bearer, "bearer"),
            SecretRule.of("aws-session-token", "(?i)(?:aws_?session_?token|session_?token|x-amz-security-token|security_?token)[\"']?"
                    + "\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=%]{40,})", 1, "x-amz-security-".length(), SecretPrechecks::assignment, "token"),
            SecretRule.of("aws-secret-access-key", "(?i)(?:aws_?secret_?access_?key|secret_?access_?key|aws_?secret_?key|secret_?key|aws_?secret)"
                    + "[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)", 1, "aws_".length(),
                    SecretPrechecks::secretKeyName, "secret"));
    private static final SecretRule KEY_ID_RULE = SecretRule.of("aws-access-key-id", KEY_ID.pattern(), 1, 0,
            SecretPrechecks::keyId, KEY_ID_TRIGGERS);
    private static final SecretRule GENERIC = SecretRule.of(m -> genericKind(SecretRule.lower(m, 1)),
            "(?i)([A-Za-z0-9_.-]*(?:password|passwd|secret|api[_-]?key|token|private[_-]?key|credentials?))"
                    // name=value, name: value, "name":value; not name:value, which is how identifiers look (apikey:bot)
                    + "(?:[\"']?\\s*=\\s*|[\"']?\\s*:\\s+|[\"']\\s*:\\s*)"
                    + "(?:\"([^\"\\r\\n]{1,512})\"|'([^'\\r\\n]{1,512})'|([^\\s\"',;&}\\])<>]{1,512}))",
            new int[] {2, 3, 4}, SecretRule.NAME_RUN, SecretPrechecks::genericName, "passw", "secret", "api", "token", "private",
            "credential");

    /** Every rule, for tests that compare the anchored search with a whole-text search. */
    static List<SecretRule> rules() {
        List<SecretRule> all = new ArrayList<>(BEFORE_KEY_IDS);
        all.add(KEY_ID_RULE);
        all.add(GENERIC);
        return all;
    }

    /** Every trigger of every rule: most values hold none, and one automaton pass says so. */
    static final List<String> TRIGGER_WORDS = rules().stream().flatMap(r -> r.triggers().stream()).distinct().toList();
    /** Per trigger word, the bit of every rule (in {@link #rules()} order) that it triggers. */
    static final int[] RULES_BY_TRIGGER = TRIGGER_WORDS.stream().mapToInt(word -> {
        int mask = 0;
        for (int r = 0; r < rules().size(); r++) {
            mask |= rules().get(r).triggers().contains(word) ? 1 << r : 0;
        }
        return mask;
    }).toArray();

    private final boolean correlate;
    private final byte[] hashKey = new byte[32];
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @param correlate append a keyed hash to each marker so equal secrets can be correlated ({@code guard.secretHash}) */
    public SecretRedactor(boolean correlate) {
        this.correlate = correlate;
        new SecureRandom().nextBytes(hashKey);
    }

    /** Redacts every secret in {@code text}; linear in its length. */
    public Redaction redact(String text) {
        return text.length() < 8 ? new Redaction(text, List.of()) : redact(text, ValueScan.secretRules(text));
    }

    /** {@link #redact(String)} with {@code triggered} = {@link ValueScan#secretRules} of {@code text}, already known. */
    Redaction redact(String text, int triggered) {
        return redact(text, triggered, false);
    }

    /**
     * {@link #redact(String, int)}, told whether {@code text} is plain ASCII ({@link ValueScan}): its fold is then
     * {@link String#toLowerCase}, which works on the compact string's bytes, three times as fast as the general fold.
     */
    Redaction redact(String text, int triggered, boolean ascii) {
        if (text.length() < 8 || triggered == 0) {
            return new Redaction(text, List.of());
        }
        String lower = ascii ? text.toLowerCase(Locale.ROOT) : SecretRule.fold(text);
        List<Finding> findings = new ArrayList<>();
        String current = text;
        for (int r = 0; r < BEFORE_KEY_IDS.size(); r++) {
            if ((triggered & 1 << r) == 0) {
                continue;
            }
            String next = apply(BEFORE_KEY_IDS.get(r), current, lower, findings);
            lower = next == current ? lower : SecretRule.fold(next);
            current = next;
        }
        if ((triggered & 1 << BEFORE_KEY_IDS.size()) != 0) {
            String next = apply(KEY_ID_RULE, secretKeysNearKeyIds(current, lower, findings), null, findings);
            lower = next == current ? lower : SecretRule.fold(next);
            current = next;
        }
        if ((triggered & 1 << BEFORE_KEY_IDS.size() + 1) != 0) {
            current = apply(GENERIC, current, lower, findings);
        }
        return new Redaction(current, findings);
    }

    /**
     * The redaction marker for a string value stored under a secret-ish field name ({@code password},
     * {@code client_secret}, {@code api_key}, {@code token}, ... but not {@code next_token}), if the value is a secret.
     */
    public Optional<String> redactField(String name, String value) {
        if (!isSecretName(name) || !isSecretValue(value)) {
            return Optional.empty();
        }
        return Optional.of(marker(genericKind(name), value));
    }

    /** Whether {@link #redactField} may redact values of a field so named: it depends on the value only when this is true. */
    static boolean isSecretName(String name) {
        String compact = compact(name);
        return endsWithAny(compact, SECRET_NAMES) && !endsWithAny(compact, NOT_SECRET_NAMES);
    }

    /**
     * A necessary condition for {@link #isSecretName}, without allocating: the last character that {@link #compact}
     * keeps is the last letter of a secret name ({@code d t y n l s}) and stands at index 4 or later (the shortest
     * secret name, {@code token}, has five).
     */
    static boolean mayBeSecretName(String name) {
        for (int i = name.length() - 1; i >= 4; i--) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                return c == 'd' || c == 't' || c == 'y' || c == 'n' || c == 'l' || c == 's';
            }
        }
        return false;
    }

    /** Cursors named like tokens: {@code next_token}, {@code page_token}, ... */
    private static boolean isNotSecretName(String name) {
        return endsWithAny(compact(name), NOT_SECRET_NAMES);
    }

    private static boolean endsWithAny(String compact, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (compact.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with the matches of {@code rule} redacted; {@code lower} is its fold, or null to compute it. */
    private String apply(SecretRule rule, String text, String lower, List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        int[] copied = {0};
        rule.forEachMatch(text, lower == null ? SecretRule.fold(text) : lower, (m, offset) -> {
            int g = rule.secretGroup(m);
            if (g < 0 || !isSecretValue(m.group(g)) || rule == GENERIC && isNotSecretName(m.group(1))) {
                return;
            }
            int start = offset + m.start(g);
            int end = offset + m.end(g);
            String kind = rule.kind().apply(m);
            out.append(text, copied[0], start).append(marker(kind, text.substring(start, end)));
            copied[0] = end;
            findings.add(new Finding(GuardFinding.SECRET, kind, start, end, "redacted " + kind + " (" + (end - start) + " chars)"));
        });
        return copied[0] == 0 ? text : out.append(text, copied[0], text.length()).toString();
    }

    /** 40-character base64 strings within {@link #KEY_PAIR_DISTANCE} characters of an access key id are its secret key. */
    private String secretKeysNearKeyIds(String text, String lower, List<Finding> findings) {
        List<int[]> windows = new ArrayList<>();
        KEY_ID_RULE.forEachMatch(text, lower, (ids, offset) -> {
            int from = Math.max(0, offset + ids.start(1) - KEY_PAIR_DISTANCE);
            int to = Math.min(text.length(), offset + ids.end(1) + KEY_PAIR_DISTANCE);
            if (!windows.isEmpty() && windows.get(windows.size() - 1)[1] >= from) {
                windows.get(windows.size() - 1)[1] = to;
            } else {
                windows.add(new int[] {from, to});
            }
        });
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int[] window : windows) {
            Matcher m = BASE64_40.matcher(text.substring(window[0], window[1]));
            while (m.find()) {
                String candidate = m.group(1);
                if (!looksRandom(candidate) || !isSecretValue(candidate)) {
                    continue;
                }
                int start = window[0] + m.start(1);
                out.append(text, copied, start).append(marker("aws-secret-access-key", candidate));
                copied = start + candidate.length();
                findings.add(new Finding(GuardFinding.SECRET, "aws-secret-access-key", start, copied,
                        "redacted aws-secret-access-key next to an access key id"));
            }
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** Mixed case with a digit or {@code /+}: not a hex digest, not a word. */
    private static boolean looksRandom(String s) {
        boolean upper = false;
        boolean lowerCase = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lowerCase |= c >= 'a' && c <= 'z';
            other |= c >= '0' && c <= '9' || c == '/' || c == '+';
        }
        return upper && lowerCase && other;
    }

    private static boolean isSecretValue(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.startsWith("[REDACTED") || v.endsWith("EXAMPLE") || v.endsWith("EXAMPLEKEY") || v.startsWith("${")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        return !(lower.equals("null") || lower.equals("none") || lower.equals("true") || lower.equals("false")
                || lower.equals("undefined") || v.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X'));
    }

    /** {@code name} in lowercase with everything but ASCII letters and digits dropped: {@code Client-Secret} is {@code clientsecret}. */
    private static String compact(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String genericKind(String name) {
        String compact = compact(name);
        if (compact.contains("passw")) {
            return "password";
        }
        if (compact.endsWith("apikey")) {
            return "api-key";
        }
        if (compact.endsWith("token")) {
            return "token";
        }
        if (compact.endsWith("privatekey")) {
            return "private-key";
        }
        return compact.contains("credential") ? "credential" : "secret";
    }

    private String marker(String kind, String secret) {
        if (!correlate) {
            return "[REDACTED:" + kind + "]";
        }
        byte[] mac = macs.get().doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return "[REDACTED:" + kind + "#" + HexFormat.of().formatHex(mac, 0, 4) + "]";
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
