package dev.awsmcp.gateway.guard;

/** Short, printable excerpts of untrusted text for finding details. */
final class Excerpts {

    private Excerpts() {
    }

    /** {@code text} in double quotes, cut to {@code max} characters, non-printable characters as \\uXXXX. */
    static String quote(CharSequence text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8).append('"');
        int limit = Math.min(text.length(), max);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        return text.length() > max ? out.append("...").toString() : out.toString();
    }
}
