package dev.awsmcp.gateway.audit;

/**
 * A client-supplied name (clientInfo name and version, a tool name as called), or a text that can
 * quote one (a decision reason), as the audit trail keeps it: unchanged up to a bound, else its first characters followed by a marker with its full length and
 * the SHA-256 of the whole, so that a record stays small yet still identifies what was sent.
 */
public final class BoundedText {

    /** The longest name kept whole. */
    public static final int MAX_NAME_CHARS = 256;
    /** The longest decision reason kept whole (a validation message can quote property names). */
    public static final int MAX_REASON_CHARS = 2048;

    private BoundedText() {
    }

    /** {@code text} kept whole up to {@link #MAX_NAME_CHARS} characters, else cut and marked; null stays null. */
    public static String name(String text) {
        return cut(text, MAX_NAME_CHARS);
    }

    /**
     * {@code text} when at most {@code max} characters long, else its first {@code max} characters (never
     * half a surrogate pair) and {@code …[truncated: N chars, sha256 HEX]}; null stays null.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…[truncated: " + text.length() + " chars, sha256 " + ArgumentRedactor.sha256Hex(text) + "]";
    }
}
