package dev.awsmcp.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts one JSON tree (in place) down to a byte target: first trailing elements of the largest arrays
 * (each keeps at least one element), then the longest strings (shortened at a code point boundary
 * with a marker giving the original length), then arrays down to empty. Values are never cut in the
 * middle; cursor-like fields ({@code next_*}, {@code *cursor*}) are never shortened. Remembers what it cut.
 */
final class TreeCutter {

    /** Strings are never shortened below this many bytes. */
    private static final int MIN_STRING_BYTES = 256;

    /**
     * One array of the tree, with its size and its elements' sizes (exact until the array or one of its descendants is cut:
     * in a round, each array is cut before its descendants, which are smaller), and the arrays and indexes above it (to
     * tell when an ancestor cut removed it).
     */
    private record ArrayRef(ArrayNode node, JsonPaths.Lazy path, long size, long[] elementSizes, List<Object[]> ancestors) {
        boolean attached() {
            for (Object[] a : ancestors) {
                if (((ArrayNode) a[0]).size() <= (Integer) a[1]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One string value and where it sits. */
    private record StringRef(JsonNode parent, String field, int index, String path, String value, List<Object[]> ancestors) {
    }

    /** What was cut from one array: the elements it had and how many were dropped. */
    record ArrayCut(String path, int original, int omitted, ArrayRef ref) {
        int kept() {
            return original - omitted;
        }

        boolean attached() {
            return ref.attached();
        }
    }

    /** What was cut from one string. */
    record StringCut(String path, int originalChars, int keptChars) {
    }

    private final ObjectNode root;
    private long total;
    final Map<String, ArrayCut> arrays = new LinkedHashMap<>();
    final List<StringCut> strings = new ArrayList<>();

    TreeCutter(ObjectNode root) {
        this(root, JsonSize.of(root));
    }

    /** A cutter of {@code root}, whose size ({@link JsonSize#of}) is already known. */
    TreeCutter(ObjectNode root, long size) {
        this.root = root;
        this.total = size;
    }

    /** Cuts until the tree is at most {@code target} bytes or nothing more can be cut; returns the size reached. */
    long cut(long target) {
        cutArrays(target, 1);
        cutStrings(target);
        cutArrays(target, 0);
        return total;
    }

    private void cutArrays(long target, int keep) {
        List<ArrayRef> refs = new ArrayList<>();
        collectArrays(root, JsonPaths.Lazy.ROOT_PATH, new ArrayList<>(), refs);
        refs.sort(Comparator.comparingLong(ArrayRef::size).reversed());
        for (ArrayRef ref : refs) {
            if (total <= target) {
                return;
            }
            if (!ref.attached() || ref.node().size() <= keep) {
                continue;
            }
            String path = ref.path().toString();
            ArrayCut previous = arrays.get(path);
            int original = previous == null ? ref.node().size() : previous.original();
            int omitted = previous == null ? 0 : previous.omitted();
            ArrayNode array = ref.node();
            while (array.size() > keep && total > target) {
                int last = array.size() - 1;
                array.remove(last);
                total -= ref.elementSizes()[last] + (last > 0 ? 1 : 0);
                omitted++;
            }
            arrays.put(path, new ArrayCut(path, original, omitted, ref));
        }
    }

    /**
     * Adds the arrays in {@code node} to {@code out} in document order, each with its size, and returns the size of
     * {@code node}: one pass, so that nested arrays are not measured again inside their parents. Paths are made into
     * text only for the arrays that are cut.
     */
    private long collectArrays(JsonNode node, JsonPaths.Lazy path, List<Object[]> ancestors, List<ArrayRef> out) {
        if (node.isArray()) {
            int slot = out.size();
            out.add(null);
            List<Object[]> above = List.copyOf(ancestors);
            long size = 2 + Math.max(0, node.size() - 1);
            long[] elementSizes = new long[node.size()];
            for (int i = 0; i < node.size(); i++) {
                ancestors.add(new Object[] {node, i});
                elementSizes[i] = collectArrays(node.get(i), path.index(i), ancestors, out);
                size += elementSizes[i];
                ancestors.remove(ancestors.size() - 1);
            }
            out.set(slot, new ArrayRef((ArrayNode) node, path, size, elementSizes, above));
            return size;
        }
        if (node.isObject()) {
            long size = 2 + Math.max(0, node.size() - 1);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                size += JsonSize.string(f.getKey()) + 1 + collectArrays(f.getValue(), path.field(f.getKey()), ancestors, out);
            }
            return size;
        }
        return JsonSize.of(node);
    }

    private void cutStrings(long target) {
        if (total <= target) {
            return;
        }
        List<StringRef> refs = new ArrayList<>();
        collectStrings(root, null, null, -1, JsonPaths.ROOT, new ArrayList<>(), refs);
        refs.sort(Comparator.comparingInt((StringRef r) -> r.value().length()).reversed());
        for (StringRef ref : refs) {
            if (total <= target) {
                return;
            }
            if (!new ArrayRef(null, null, 0, null, ref.ancestors()).attached()) {
                continue;
            }
            long bytes = JsonSize.string(ref.value());
            String marker = "…[truncated: " + ref.value().length() + " chars]";
            long markerBytes = JsonSize.string(marker) - 2;
            long keepContent = Math.max(MIN_STRING_BYTES, bytes - 2 - markerBytes - (total - target));
            if (keepContent + markerBytes + 2 >= bytes) {
                continue;
            }
            String kept = prefixWithin(ref.value(), keepContent);
            String shortened = kept + marker;
            if (ref.parent().isObject()) {
                ((ObjectNode) ref.parent()).set(ref.field(), TextNode.valueOf(shortened));
            } else {
                ((ArrayNode) ref.parent()).set(ref.index(), TextNode.valueOf(shortened));
            }
            total -= bytes - JsonSize.string(shortened);
            strings.add(new StringCut(ref.path(), ref.value().length(), kept.length()));
        }
    }

    private void collectStrings(JsonNode node, JsonNode parent, String field, int index, String path, List<Object[]> ancestors,
            List<StringRef> out) {
        if (node.isTextual() && node.textValue().length() * 3L + 2 > MIN_STRING_BYTES && !isCursor(field)) {
            out.add(new StringRef(parent, field, index, path, node.textValue(), List.copyOf(ancestors)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ancestors.add(new Object[] {node, i});
                collectStrings(node.get(i), node, null, i, JsonPaths.index(path, i), ancestors, out);
                ancestors.remove(ancestors.size() - 1);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                collectStrings(f.getValue(), node, f.getKey(), -1, JsonPaths.field(path, f.getKey()), ancestors, out);
            }
        }
    }

    private static boolean isCursor(String field) {
        return field != null && (field.startsWith("next_") || field.toLowerCase(java.util.Locale.ROOT).contains("cursor"));
    }

    /** The longest prefix of {@code s} whose JSON encoding (without quotes) fits {@code bytes}, never splitting a code point. */
    static String prefixWithin(String s, long bytes) {
        long used = 0;
        int i = 0;
        while (i < s.length()) {
            int n = Character.charCount(s.codePointAt(i));
            long size = n == 1 ? JsonSize.escapedBytes(s, i) : JsonSize.string(s.substring(i, i + n)) - 2;
            if (used + size > bytes) {
                break;
            }
            used += size;
            i += n;
        }
        return s.substring(0, i);
    }
}
