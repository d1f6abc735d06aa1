package dev.awsmcp.gateway.guard;

/** JSONPath-style addresses of values in a result: {@code $.items[3].message}, {@code $["odd key"]}. */
final class JsonPaths {

    static final String ROOT = "$";

    private JsonPaths() {
    }

    static String field(String parent, String name) {
        if (isIdentifier(name)) {
            return parent + "." + name;
        }
        StringBuilder out = new StringBuilder(parent).append("[\"");
        int shown = Math.min(name.length(), 64);
        for (int i = 0; i < shown; i++) {
            char c = name.charAt(i);
            out.append(c == '"' || c == '\\' ? "\\" + c : c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.append(shown < name.length() ? "...\"]" : "\"]").toString();
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The address of a field's name rather than its value. */
    static String key(String fieldPath) {
        return fieldPath + ".(key)";
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || name.length() > 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '@' || i > 0 && (c >= '0' && c <= '9' || c == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
