package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The filters on what happened to a call besides its outcome: guard findings, session taint and a person's
 * confirmation. Each takes {@code any}, {@code none} or one value (a finding family, a taint level, an answer).
 */
final class RecordFlags {

    private RecordFlags() {
    }

    /** Adds the conditions of the {@code findings}, {@code taint} and {@code confirmation} parameters given. */
    static void add(Map<String, String> given, List<AuditQuery.Condition> conditions) {
        String findings = given.get("findings");
        if (findings != null) {
            conditions.add(switch (findings) {
                case "any" -> new AuditQuery.Condition(r -> !r.path("guard_findings").isEmpty(), null);
                case "none" -> new AuditQuery.Condition(r -> r.path("guard_findings").isEmpty(), null);
                default -> family(AuditQuery.word("findings", findings));
            });
        }
        String taint = given.get("taint");
        if (taint != null) {
            AuditQuery.oneOf("taint", taint, AuditQuery.TAINT_LEVELS, "any", "none");
            conditions.add(switch (taint) {
                case "any" -> new AuditQuery.Condition(r -> r.hasNonNull("taint"), "\"taint\"");
                case "none" -> new AuditQuery.Condition(r -> !r.hasNonNull("taint"), null);
                default -> new AuditQuery.Condition(r -> taint.equals(r.path("taint").path("level").asText(null)), "\"taint\"");
            });
        }
        String confirmation = given.get("confirmation");
        if (confirmation != null) {
            AuditQuery.oneOf("confirmation", confirmation, AuditQuery.CONFIRMATIONS, "any", "none");
            conditions.add(switch (confirmation) {
                case "any" -> new AuditQuery.Condition(r -> r.hasNonNull("confirmation"), "\"confirmation\"");
                case "none" -> new AuditQuery.Condition(r -> !r.hasNonNull("confirmation"), null);
                default -> AuditQuery.equal("confirmation", confirmation);
            });
        }
    }

    private static AuditQuery.Condition family(String family) {
        return new AuditQuery.Condition(record -> {
            for (JsonNode finding : record.path("guard_findings")) {
                if (family.equals(finding.path("family").asText(null))) {
                    return true;
                }
            }
            return false;
        }, AuditQuery.jsonText(family));
    }
}
