package dev.awsmcp.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The anchored, trigger-driven search of {@link SecretRule#forEachMatch} finds exactly the matches a
 * whole-text {@link Matcher#find()} of the same pattern finds: on hand-picked edge cases (long names,
 * quotes and whitespace around separators, triggers inside values, case folding, word boundaries at the
 * anchor) and on random texts built from rule fragments.
 */
class SecretRuleSearchTest {

    private static final String[] FRAGMENTS = {
        "password", "PassWD", "pa\u017Fsword", "secret", "SECRET_ACCESS_KEY", "aws_secret", "api", "api_key", "API-KEY",
        "private_key", "credentials", "credential", "token", "session_token", "x-amz-security-token", "Authorization",
        "Bearer ", "bearer", "basic ", "aws4-hmac-sha256 ", "?", "&", "X-Amz-Signature=", "signature=", "://", "https",
        "user", ":", "@", "=", " ", "  ", "\n", "\t", "\"", "'", ",", ";", "}", "-", "_", ".", "/", "+", "%",
        "eyJhbGciOiJI", "eyJzdWIiOiJh", "AKIA", "ASIA", "Q3ZK7P2M4N6R5T2V", "k9Jd8s7F6g5H4j3K2l1Zx0Cv9Bn8Mq7Wr6Et5Yu4",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij", "0123456789", "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----",
        "x", "db.prod.example", "hunter2", "\u212Aey", "\u00e9", "\uD83D\uDE00",
    };

    private static final String[] CASES = {
        "password=hunter2 and token: abc and api_key = 'k' and private-key:\"v\"",
        "my.very.long.application.configuration.name.spring.datasource.password=hunter2",
        "tokentokentoken=1 passwordpassword: x apitoken=y",
        "password\n\n  =\n  value on the next line",
        "\"client_secret\":\"s3cr3t\" 'secret' : 'v' secret:v secret :v",
        "aws_secret_access_key = k9Jd8s7F6g5H4j3K2l1Zx0Cv9Bn8Mq7Wr6Et5Yu4 secret_key: k9Jd8s7F6g5H4j3K2l1Zx0Cv9Bn8Mq7Wr6Et5Yu4x",
        "postgres://admin:p%40ss@db.example:5432/x https://user@host/ ftp://a:b@c s3+https://u:p@h",
        "x://a:b@ 9ab://c:d@e ab-c.d+e://f:g@h",
        "Authorization: Bearer abcdefghijklmnopqrstuvwxyz.123 authorization=basic dXNlcjpwYXNz",
        "AUTHORIZATION :  AWS4-HMAC-SHA256 Credential=AKIA/20240101, Signature=abc",
        "GET /x?X-Amz-Algorithm=AWS4&X-Amz-Credential=AKIA%2F2024&X-Amz-Security-Token=FwoG&X-Amz-Signature=abc123",
        "&signature=&?signature=x ?x-amz-signature=y",
        "AKIAQ3ZK7P2M4N6R5T2V akiaQ3ZK7P2M4N6R5T2V xAKIAQ3ZK7P2M4N6R5T2V ASIAQ3ZK7P2M4N6R5T2VX",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln xeyJhbGciOiJI.eyJzdWIiOiJh.",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- -----BEGIN PRIVATE KEY-----\nabc",
        "pa\u017Fsword=x \u212Aey api\u212Aey=v PASSWORD = \"quoted value\"",
        "session_token=FwoGZXIvYXdzEJr//////////wEaDN3qUd0Kj8Xv6Yy2uSKrAa0X security-token: short",
    };

    @Test
    void findsWhatAWholeTextSearchFindsOnEdgeCases() {
        for (String text : CASES) {
            assertSameMatches(text);
        }
    }

    @Test
    void findsWhatAWholeTextSearchFindsOnRandomTexts() {
        Random random = new Random(42);
        int matches = 0;
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(40);
            for (int p = 0; p < parts; p++) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            matches += assertSameMatches(text.toString());
        }
        assertThat(matches).as("the random texts hold secrets of the rules").isGreaterThan(1000);
    }

    @Test
    void skipsTheRuleWhereThePrecheckRulesItOut() {
        assertThat(SecretPrechecks.userInfo("https://docs.example/img", 5, 8)).isFalse();
        assertThat(SecretPrechecks.userInfo("https://u:p@h", 5, 8)).isTrue();
        assertThat(SecretPrechecks.userInfo("https://u@h", 5, 8)).isFalse();
        assertThat(SecretPrechecks.genericName("payments-api started", 9, 12)).isFalse();
        assertThat(SecretPrechecks.genericName("api-key = x", 0, 3)).isTrue();
        assertThat(SecretPrechecks.genericName("apikey:bot", 0, 3)).isFalse();
        assertThat(SecretPrechecks.genericName("\"apikey\":\"bot\"", 1, 4)).isTrue();
        assertThat(SecretPrechecks.genericName("passwd: x", 0, 5)).isTrue();
        assertThat(SecretPrechecks.genericName("passwords: x", 0, 5)).isFalse();
        assertThat(SecretPrechecks.bearer("bearer short", 0, 6)).isFalse();
        assertThat(SecretPrechecks.bearer("bearer\tabcdefghijklmnopqrstu", 0, 6)).isTrue();
        assertThat(SecretPrechecks.keyId("akiaq3zk7p2m4n6r5t2v", 0, 4)).isTrue();
        assertThat(SecretPrechecks.keyId("asia-pacific region", 0, 4)).isFalse();
        assertThat(SecretPrechecks.secretKeyName("secret_access_key = x", 0, 6)).isTrue();
        assertThat(SecretPrechecks.secretKeyName("secretsmanager rotation", 0, 6)).isFalse();
    }

    private static int assertSameMatches(String text) {
        int count = 0;
        for (SecretRule rule : SecretRedactor.rules()) {
            List<String> expected = new ArrayList<>();
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                expected.add(describe(m, 0));
            }
            List<String> actual = new ArrayList<>();
            rule.forEachMatch(text, SecretRule.fold(text), (match, offset) -> actual.add(describe(match, offset)));
            assertThat(actual).as("rule %s on %s", rule.pattern(), text).isEqualTo(expected);
            count += expected.size();
        }
        return count;
    }

    /** End of the match and the span of every group. */
    private static String describe(Matcher m, int offset) {
        StringBuilder out = new StringBuilder().append(offset + m.end());
        for (int g = 1; g <= m.groupCount(); g++) {
            out.append(' ').append(m.start(g) < 0 ? "-" : (offset + m.start(g)) + ".." + (offset + m.end(g)));
        }
        return out.toString();
    }
}
