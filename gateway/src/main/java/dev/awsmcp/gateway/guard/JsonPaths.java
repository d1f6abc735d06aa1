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

    /**
     * An address built only when it is read: the walk makes one per value, a finding reads few of them.
     * {@link #toString()} gives the same text as {@link #field}, {@link #index} and {@link #key} would.
     */
    static final class Lazy {

        static final Lazy ROOT_PATH = new Lazy(ROOT);

        private final Lazy parent;
        private final String name;
        private final int index;
        private final boolean key;
        private String text;

        private Lazy(Lazy parent, String name, int index, boolean key) {
            this.parent = parent;
            this.name = name;
            this.index = index;
            this.key = key;
        }

        /** An address that is already text. */
        Lazy(String text) {
            this(null, null, -1, false);
            this.text = text;
        }

        Lazy field(String fieldName) {
            return new Lazy(this, fieldName, -1, false);
        }

        Lazy index(int i) {
            return new Lazy(this, null, i, false);
        }

        /** The address of this field's name rather than its value. */
        Lazy key() {
            return new Lazy(this, null, -1, true);
        }

        @Override
        public String toString() {
            if (text == null) {
                String up = parent.toString();
                text = key ? JsonPaths.key(up) : name != null ? JsonPaths.field(up, name) : JsonPaths.index(up, index);
            }
            return text;
        }
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
