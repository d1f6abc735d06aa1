package dev.awsmcp.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every secret family with cases that must be redacted and look-alikes that must not. */
class SecretRedactorTest {

    // Built from parts so that the source file itself carries no credential-shaped literal.
    private static final String KEY_ID = "AKIA" + "Q3ZK7P2M4N6R5T2V";
    private static final String SESSION_KEY_ID = "ASIA" + "Z7Y6X5W4V3U2T2S3";
    private static final String SECRET_KEY = "k9Jd8s7F6g5H4j3K2l1Z" + "x0Cv9Bn8Mq7Wr6Et5Yu4";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJhbGljZSJ9" + ".c2lnbmF0dXJlLWJ5dGVz";

    private final SecretRedactor redactor = new SecretRedactor(false);

    private String redact(String text) {
        return redactor.redact(text).text();
    }

    @Test
    void redactsAccessKeyIdsOfEveryPrefix() {
        assertThat(redact("login by " + KEY_ID + " from 10.0.0.1")).isEqualTo("login by [REDACTED:aws-access-key-id] from 10.0.0.1");
        assertThat(redact("temporary " + SESSION_KEY_ID)).isEqualTo("temporary [REDACTED:aws-access-key-id]");
        assertThat(redact("role AROA" + "ABCDEFGHIJKLMNOP")).isEqualTo("role [REDACTED:aws-access-key-id]");
    }

    @Test
    void leavesExampleKeysAndLookAlikesAlone() {
        String docs = "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        assertThat(redact(docs)).isEqualTo(docs);
        assertThat(redact("AKIA1234 is too short")).isEqualTo("AKIA1234 is too short");
        assertThat(redact("id X" + KEY_ID + "Z inside a longer word")).isEqualTo("id X" + KEY_ID + "Z inside a longer word");
        assertThat(redact("akia" + "q3zk7p2m4n6r5t2v lowercase")).isEqualTo("akia" + "q3zk7p2m4n6r5t2v lowercase");
    }

    @Test
    void redactsSecretKeysOnlyWithContext() {
        assertThat(redact("creds " + KEY_ID + " " + SECRET_KEY)).isEqualTo("creds [REDACTED:aws-access-key-id] [REDACTED:aws-secret-access-key]");
        assertThat(redact("{\"SecretAccessKey\": \"" + SECRET_KEY + "\"}")).isEqualTo("{\"SecretAccessKey\": \"[REDACTED:aws-secret-access-key]\"}");
        assertThat(redact("AWS_SECRET_ACCESS_KEY=" + SECRET_KEY)).isEqualTo("AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-access-key]");
        String noContext = "object etag " + SECRET_KEY + " stored";
        assertThat(redact(noContext)).isEqualTo(noContext);
        String commit = "deployed " + KEY_ID.replace("AKIA", "BKIA") + " at da39a3ee5e6b4b0d3255bfef95601890afd80709";
        assertThat(redact(commit)).isEqualTo(commit);
        String hexNearKey = "key " + KEY_ID + " commit da39a3ee5e6b4b0d3255bfef95601890afd80709";
        assertThat(redact(hexNearKey)).isEqualTo("key [REDACTED:aws-access-key-id] commit da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }

    @Test
    void redactsSessionTokens() {
        String token = "FwoGZXIvYXdzEBYaDH" + "x".repeat(60) + "Q2lK/+abc==";
        assertThat(redact("aws_session_token = " + token)).isEqualTo("aws_session_token = [REDACTED:aws-session-token]");
        assertThat(redact("X-Amz-Security-Token: " + token)).isEqualTo("X-Amz-Security-Token: [REDACTED:aws-session-token]");
        assertThat(redact("{\"SessionToken\":\"" + token + "\"}")).isEqualTo("{\"SessionToken\":\"[REDACTED:aws-session-token]\"}");
        String bare = "payload " + token + " end";
        assertThat(redact(bare)).isEqualTo(bare);
    }

    @Test
    void redactsPresignedUrlParametersButKeepsTheUrl() {
        String url = "https://b.s3.amazonaws.com/k.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + KEY_ID
                + "%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240101T000000Z&X-Amz-Expires=900"
                + "&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F&X-Amz-Signature=3f1c0b9e8d7a6f5e4d3c2b1a0f9e8d7c";
        assertThat(redact(url)).isEqualTo("https://b.s3.amazonaws.com/k.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=[REDACTED:presigned-url-credential]&X-Amz-Date=20240101T000000Z&X-Amz-Expires=900"
                + "&X-Amz-Security-Token=[REDACTED:presigned-url-security-token]&X-Amz-Signature=[REDACTED:presigned-url-signature]");
        assertThat(redact("https://b.s3.amazonaws.com/k?AWSAccessKeyId=" + KEY_ID + "&Expires=1700000000&Signature=vjbyPxybd%2BZ"))
                .isEqualTo("https://b.s3.amazonaws.com/k?AWSAccessKeyId=[REDACTED:aws-access-key-id]&Expires=1700000000"
                        + "&Signature=[REDACTED:presigned-url-signature]");
        assertThat(redact("signature verification failed for request 42")).isEqualTo("signature verification failed for request 42");
    }

    @Test
    void redactsWholePrivateKeyBlocks() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc+/=\n-----END RSA PRIVATE KEY-----";
        assertThat(redact("key:\n" + pem + "\nloaded")).isEqualTo("key:\n[REDACTED:private-key]\nloaded");
        assertThat(redact("cut -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg")).isEqualTo("cut [REDACTED:private-key]");
        String cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----";
        assertThat(redact(cert)).isEqualTo(cert);
    }

    @Test
    void redactsJwtsAndAuthorizationValues() {
        assertThat(redact("token " + JWT + " accepted")).isEqualTo("token [REDACTED:jwt] accepted");
        assertThat(redact("Authorization: Bearer abc.def-123_456")).isEqualTo("Authorization: Bearer [REDACTED:authorization-bearer]");
        assertThat(redact("{\"Authorization\": \"Basic dXNlcjpwYXNz\"}")).isEqualTo("{\"Authorization\": \"Basic [REDACTED:authorization-basic]\"}");
        assertThat(redact("authorization=AWS4-HMAC-SHA256 Credential=x/y, Signature=abc"))
                .isEqualTo("authorization=AWS4-HMAC-SHA256 [REDACTED:authorization-sigv4]");
        assertThat(redact("curl -H 'Authorization: Bearer " + JWT + "'")).isEqualTo("curl -H 'Authorization: Bearer [REDACTED:jwt]'");
        assertThat(redact("bearer Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Ng")).isEqualTo("bearer [REDACTED:bearer-token]");
        for (String benign : new String[] {"basic authentication failed", "Bearer token expired", "eyJhbGciOiJIUzI1NiJ9 alone"}) {
            assertThat(redact(benign)).isEqualTo(benign);
        }
    }

    @Test
    void redactsPasswordsInUrlsAndConnectionStrings() {
        assertThat(redact("connect postgres://app:hunter2@db.internal:5432/orders"))
                .isEqualTo("connect postgres://app:[REDACTED:url-password]@db.internal:5432/orders");
        assertThat(redact("redis://:s3cret@cache:6379")).isEqualTo("redis://:[REDACTED:url-password]@cache:6379");
        assertThat(redact("Server=db;User Id=app;Password=s3cr3t;Database=x")).isEqualTo("Server=db;User Id=app;Password=[REDACTED:password];Database=x");
        for (String benign : new String[] {"https://example.com:8443/path", "ssh://git@github.com/org/repo", "mailto:ops@example.com"}) {
            assertThat(redact(benign)).isEqualTo(benign);
        }
    }

    @Test
    void redactsGenericAssignmentsInTextAndJson() {
        assertThat(redact("login password=hunter2 user=bob")).isEqualTo("login password=[REDACTED:password] user=bob");
        assertThat(redact("{\"db_password\": \"hunter 2\", \"user\": \"bob\"}"))
                .isEqualTo("{\"db_password\": \"[REDACTED:password]\", \"user\": \"bob\"}");
        assertThat(redact("api_key: 9f8e7d6c5b")).isEqualTo("api_key: [REDACTED:api-key]");
        assertThat(redact("client_secret='abc def'")).isEqualTo("client_secret='[REDACTED:secret]'");
        assertThat(redact("refresh_token=r1.abc")).isEqualTo("refresh_token=[REDACTED:token]");
        assertThat(redact("{\"password\":\"x1\"}")).isEqualTo("{\"password\":\"[REDACTED:password]\"}");
        for (String benign : new String[] {"password reset requested", "password=null", "secret=${DB_SECRET}", "next_token=abc123",
                "max_tokens=4096", "password: ********", "principal apikey:incident-bot"}) {
            assertThat(redact(benign)).as(benign).isEqualTo(benign);
        }
    }

    @Test
    void keyedHashCorrelatesEqualSecretsOnly() {
        SecretRedactor hashing = new SecretRedactor(true);
        String once = hashing.redact("password=hunter2").text();
        String again = hashing.redact("x password=hunter2").text();
        String other = hashing.redact("password=hunter3").text();
        assertThat(once).matches("password=\\[REDACTED:password#[0-9a-f]{8}]");
        assertThat(again).endsWith(once);
        assertThat(other).isNotEqualTo(once);
        assertThat(new SecretRedactor(true).redact("password=hunter2").text()).as("a new key per process").isNotEqualTo(once);
    }

    @Test
    void findingsNameTheKindButNeverTheSecret() {
        SecretRedactor.Redaction r = redactor.redact("password=hunter2 and " + KEY_ID);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly("aws-access-key-id", "password");
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.family()).isEqualTo("secret");
            assertThat(f.detail()).doesNotContain("hunter2", KEY_ID);
        });
    }

    @Test
    void fieldsNamedLikeSecretsAreRedactedWhole() {
        assertThat(redactor.redactField("password", "hunter2")).contains("[REDACTED:password]");
        assertThat(redactor.redactField("Client-Secret", "abc")).contains("[REDACTED:secret]");
        assertThat(redactor.redactField("api_key", "k")).contains("[REDACTED:api-key]");
        assertThat(redactor.redactField("next_token", "abc")).isEmpty();
        assertThat(redactor.redactField("token_type", "bearer")).isEmpty();
        assertThat(redactor.redactField("password", "[REDACTED]")).isEmpty();
    }

    @Test
    void staysLinearOnAdversarialInput() {
        String[] inputs = {"password=".repeat(200_000), "a".repeat(2_000_000) + "@", "-----BEGIN PRIVATE KEY-----".repeat(50_000),
                ("AKIA" + "Q3ZK7P2M4N6R5T2V ").repeat(50_000), "https://u:".repeat(200_000)};
        for (String input : inputs) {
            org.assertj.core.api.Assertions.assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> redactor.redact(input).text())).isNotNull();
        }
    }
}
