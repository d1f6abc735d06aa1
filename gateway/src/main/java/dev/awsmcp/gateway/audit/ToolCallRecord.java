package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code tools/call}, whatever became of it: allowed, denied, refused (unknown or hidden tool,
 * invalid arguments, rate limit, audit overload), failed or timed out. Built by the call pipeline
 * with {@link #builder}; nullable fields are null when the call never got that far.
 *
 * @param timestamp when the call arrived
 * @param correlationId the id in the result's {@code _meta.correlationId} and in the AWS user agent
 * @param sessionId the MCP session; null when unknown
 * @param principal who called; null when nobody authenticated
 * @param teams the principal's teams under the policy in force
 * @param client the client's self-declared name and version; null when unknown
 * @param tool the tool name as called (cut past {@value BoundedText#MAX_NAME_CHARS} characters when written)
 * @param toolset the toolset instance id; null for an unknown tool
 * @param access the tool's access class ({@code READ}, {@code WRITE}, {@code INVOKE}); null for an unknown tool
 * @param arguments the arguments, secrets redacted, large strings digested, bounded, with the SHA-256 of the whole
 *     ({@link AuditedArguments})
 * @param decision {@code allowed}, {@code denied} or {@code refused}
 * @param decisionReason the rule that allowed it, or why it was denied or refused
 * @param team the team whose grant allowed the call; null otherwise
 * @param identity the AWS identity the call ran under
 * @param awsRequestIds every AWS request id the call's requests got back
 * @param durationMillis from arrival to answer
 * @param resultBytesBeforeLimit UTF-8 bytes of the result text before the size limit
 * @param resultBytesAfterLimit UTF-8 bytes of the result text as answered
 * @param truncated whether the result was cut to fit
 * @param guardFindings what the result guard found (empty until the guard exists)
 * @param outcome how the call ended
 * @param errorKind the kind of an error result (its {@code _meta.errorKind}); null on success
 * @param confirmation what the person asked to confirm the call answered ({@code accepted}, {@code declined},
 *     {@code cancelled}, {@code unsupported}: the client cannot ask; {@code asked}: the question went to a 2026-07-28
 *     client, whose retry is another call; {@code invalid}: the state a retry brought does not hold); null when no
 *     confirmation was asked
 * @param taint for a call that changes state in a tainted session, or a read that tainted its session: the
 *     session's taint level and reasons, the policy's action and arguments copied from flagged content; null otherwise
 * @param traceParent the W3C trace context the request carried ({@code traceparent} in {@code _meta} or the HTTP header);
 *     null when none (or not of the W3C form)
 */
public record ToolCallRecord(Instant timestamp, String correlationId, String sessionId, String principal, Set<String> teams,
        ClientInfo client, String tool, String toolset, String access, AuditedArguments arguments, String decision, String decisionReason,
        String team, AwsIdentity identity, List<String> awsRequestIds, long durationMillis, long resultBytesBeforeLimit,
        long resultBytesAfterLimit, boolean truncated, List<JsonNode> guardFindings, AuditOutcome outcome, ErrorKind errorKind,
        String confirmation, JsonNode taint, String traceParent) implements AuditEvent {

    public ToolCallRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(outcome, "outcome");
        teams = teams == null ? Set.of() : Set.copyOf(teams);
        arguments = arguments == null ? AuditedArguments.of(null) : arguments;
        identity = identity == null ? AwsIdentity.DEFAULT_CHAIN : identity;
        awsRequestIds = awsRequestIds == null ? List.of() : List.copyOf(awsRequestIds);
        guardFindings = guardFindings == null ? List.of() : List.copyOf(guardFindings);
    }

    /** A builder for a call that arrived now with {@code correlationId} for {@code tool}. */
    public static Builder builder(String correlationId, String tool) {
        return new Builder(correlationId, tool);
    }

    @Override
    public String type() {
        return "tool_call";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = AuditEvent.header(this);
        json.put("correlation_id", correlationId);
        json.put("session_id", sessionId);
        if (traceParent != null) {
            json.put("trace_parent", traceParent);
        }
        json.put("principal", principal);
        json.set("teams", sortedArray(teams));
        json.set("client", ClientInfo.toJson(client));
        json.put("tool", BoundedText.name(tool));
        json.put("toolset", toolset);
        json.put("access", access);
        json.set("arguments", arguments.json());
        json.put("arguments_sha256", arguments.sha256());
        json.put("arguments_truncated", arguments.truncated());
        json.put("decision", decision);
        json.put("decision_reason", BoundedText.cut(decisionReason, BoundedText.MAX_REASON_CHARS));
        json.put("team", team);
        json.put("role_arn", identity.roleArn());
        json.put("sts_session_name", identity.sessionName());
        json.put("source_identity", identity.sourceIdentity());
        json.set("aws_request_ids", Json.mapper().valueToTree(awsRequestIds));
        json.put("duration_ms", durationMillis);
        json.put("result_bytes_before_limit", resultBytesBeforeLimit);
        json.put("result_bytes_after_limit", resultBytesAfterLimit);
        json.put("truncated", truncated);
        ArrayNode findings = json.putArray("guard_findings");
        guardFindings.forEach(findings::add);
        json.put("outcome", outcome.label());
        json.set("error_kind", errorKind == null ? NullNode.getInstance() : Json.mapper().getNodeFactory().textNode(errorKind.label()));
        if (confirmation != null) {
            json.put("confirmation", confirmation);
        }
        if (taint != null) {
            json.set("taint", taint);
        }
        return json;
    }

    static ArrayNode sortedArray(Collection<String> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        values.stream().sorted().forEach(array::add);
        return array;
    }

    /** Collects the facts of one call as the pipeline learns them; not thread-safe (one call, one builder). */
    public static final class Builder {
        private final Instant timestamp = Instant.now();
        private final long startedNanos = System.nanoTime();
        private final String correlationId;
        private final String tool;
        private String sessionId;
        private String principal;
        private Set<String> teams = Set.of();
        private ClientInfo client;
        private String toolset;
        private String access;
        private AuditedArguments arguments;
        private String decision = "refused";
        private String decisionReason;
        private String team;
        private AwsIdentity identity = AwsIdentity.DEFAULT_CHAIN;
        private String confirmation;
        private JsonNode taint;
        private String traceParent;

        private Builder(String correlationId, String tool) {
            this.correlationId = correlationId;
            this.tool = tool;
        }

        /** Where the call came from: the MCP session and its client. */
        public Builder origin(String sessionId, ClientInfo client) {
            this.sessionId = sessionId;
            this.client = client;
            return this;
        }

        /** The W3C trace context the request carried; null when none. */
        public Builder trace(String parent) {
            this.traceParent = parent;
            return this;
        }

        /** Who called and under which teams. */
        public Builder caller(String principal, Set<String> teams) {
            this.principal = principal;
            this.teams = teams;
            return this;
        }

        /** The tool's instance and access class, once the tool is known. */
        public Builder toolset(String toolset, String access) {
            this.toolset = toolset;
            this.access = access;
            return this;
        }

        /** The raw arguments; redacted, bounded and digested here ({@link AuditedArguments#of}). */
        public Builder arguments(JsonNode raw) {
            this.arguments = AuditedArguments.of(raw);
            return this;
        }

        /** The decision ({@code allowed}, {@code denied}, {@code refused}), the rule or reason, and the granting team. */
        public Builder decision(String decision, String reason, String team) {
            this.decision = decision;
            this.decisionReason = reason;
            this.team = team;
            return this;
        }

        /** The AWS identity the call runs under. */
        public Builder identity(AwsIdentity identity) {
            this.identity = identity;
            return this;
        }

        /** What the person asked to confirm the call answered ({@link ToolCallRecord#confirmation()}). */
        public Builder confirmation(String answer) {
            this.confirmation = answer;
            return this;
        }

        /** The session taint this call met or caused ({@link ToolCallRecord#taint()}). */
        public Builder taint(JsonNode taint) {
            this.taint = taint;
            return this;
        }

        /** The correlation id of the call. */
        public String correlationId() {
            return correlationId;
        }

        /**
         * The finished record.
         *
         * @param outcome see {@link ToolCallRecord#outcome()}
         * @param errorKind the error kind of an error result, else null
         * @param sizes result bytes before and after the guard's size limit
         * @param guardFindings what the result guard found (family, rule, path, detail)
         * @param requestIds the AWS request ids the call produced
         */
        public ToolCallRecord finish(AuditOutcome outcome, ErrorKind errorKind, Sizes sizes, List<JsonNode> guardFindings,
                List<String> requestIds) {
            long millis = (System.nanoTime() - startedNanos) / 1_000_000;
            return new ToolCallRecord(timestamp, correlationId, sessionId, principal, teams, client, tool, toolset, access,
                    arguments, decision, decisionReason, team, identity, requestIds, millis, sizes.before(), sizes.after(),
                    sizes.truncated(), List.copyOf(guardFindings), outcome, errorKind, confirmation, taint, traceParent);
        }
    }

    /**
     * The size of a call's result.
     *
     * @param before UTF-8 bytes before the guard's size limit
     * @param after UTF-8 bytes as answered
     * @param truncated whether the limit cut the result
     */
    public record Sizes(long before, long after, boolean truncated) {
    }
}
