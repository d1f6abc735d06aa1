package dev.awsmcp.toolset.support;

import dev.awsmcp.toolset.api.ResourceScope;

/** Checks and messages shared by the resource kinds of AWS toolsets. */
public final class ResourceIdentifiers {

    private ResourceIdentifiers() {
    }

    /**
     * True when {@code raw} has nothing but whitespace, space separators (U+00A0, U+2003, ...) and invisible
     * formatting characters: wider than {@link String#isBlank()}, which misses the no-break spaces.
     */
    public static boolean blank(String raw) {
        return raw.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT);
    }

    /**
     * Refuses an ARN outside {@code scope}: another region, another account, or any ARN when the toolset
     * has no account configured.
     *
     * @throws IllegalArgumentException naming the problem and the fix
     */
    public static void requireInScope(String arnRegion, String arnAccount, String raw, ResourceScope scope) {
        if (!scope.region().equals(arnRegion)) {
            throw new IllegalArgumentException("'" + printable(raw) + "' is in region " + arnRegion + "; this toolset serves "
                    + scope.region());
        }
        if (scope.accountId() == null) {
            throw new IllegalArgumentException("ARNs are not accepted by this toolset (no accountId configured); use the name");
        }
        if (!scope.accountId().equals(arnAccount)) {
            throw new IllegalArgumentException("'" + printable(raw) + "' belongs to another AWS account");
        }
    }

    /** The text with non-printable characters escaped and cut at 200 code points, for error messages. */
    public static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(200).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u{%x}", cp));
            }
        });
        return out.toString();
    }
}
