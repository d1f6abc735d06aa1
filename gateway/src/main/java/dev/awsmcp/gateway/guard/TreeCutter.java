package dev.awsmcp.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awsmcp.toolset.support.JsonSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a copy of one JSON tree (never modified) down to a byte target: first trailing elements of the largest arrays
 * (each keeps at least one element), then the longest strings (shortened at a code point boundary
 * with a marker giving the original length), then arrays down to empty. Values are never cut in the
 * middle; cursor-like fields ({@code next_*}, {@code *cursor*}) are never shortened. Remembers what it cut.
 *
 * <p>The first round is decided on the tree itself (how many elements each array keeps), and only what it keeps is
 * copied: a page cut to a quarter is copied a quarter, not whole. The later rounds, rarely needed, cut the copy.
 */
final class TreeCutter {

    /** Strings are never shortened below this many bytes. */
    private static final int MIN_STRING_BYTES = 256;

    /**
     * One array of the tree, with its size and its elements' sizes (exact until the array or one of its descendants is cut:
     * in a round, each array is cut before its descendants, which are smaller), and where it sits: the nearest array
     * above it ({@code parent}, null at the top), the index of the element of that array it lies in, and the field names
     * from that element (or the root) down to it. That is enough to tell when an ancestor cut removed it and to make its
     * path, which only the arrays that are cut need; the walk that collects the arrays allocates per array, not per value.
     */
    private static final class ArrayRef {
        /** The array: in the tree being cut until the first round's copy is made, then (when kept) its copy. */
        ArrayNode node;
        /** Whether {@link #node} is in the copy, which is cut in place; before, the cut only lowers {@link #length}. */
        boolean inCopy;
        int length;
        final ArrayRef parent;
        final int index;
        final String[] fields;
        final long[] elementSizes;
        /** Set once the elements are measured; the elements are collected first and need only the array's place. */
        long size;
        /** Its place in document order, and how many arrays its elements hold: those the copy skips when it drops them. */
        final int order;
        int arraysBelow;

        ArrayRef(ArrayNode node, boolean inCopy, ArrayRef parent, int index, String[] fields, long[] elementSizes, int order) {
            this.node = node;
            this.inCopy = inCopy;
            this.length = node.size();
            this.parent = parent;
            this.index = index;
            this.fields = fields;
            this.elementSizes = elementSizes;
            this.order = order;
        }

        /** The elements the array keeps so far. */
        int kept() {
            return inCopy ? node.size() : length;
        }

        void dropLast() {
            if (inCopy) {
                node.remove(node.size() - 1);
            } else {
                length--;
            }
        }

        boolean attached() {
            for (ArrayRef a = this; a.parent != null; a = a.parent) {
                if (a.parent.kept() <= a.index) {
                    return false;
                }
            }
            return true;
        }

        String path() {
            String path = parent == null ? JsonPaths.ROOT : JsonPaths.index(parent.path(), index);
            for (String field : fields) {
                path = JsonPaths.field(path, field);
            }
            return path;
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

    private final ObjectNode original;
    /** The copy being cut, made after the first round. */
    private ObjectNode root;
    /** The tree's size before the cut, then as cut so far; -1 until the first round measured it. */
    private long total;
    private long sizeBefore;
    final Map<String, ArrayCut> arrays = new LinkedHashMap<>();
    final List<StringCut> strings = new ArrayList<>();

    /**
     * A cutter of {@code original}, whose size the caller measured ({@code size}, its written length), or -1: then the
     * first round measures it ({@link JsonSize#of}) as it collects the arrays.
     */
    TreeCutter(ObjectNode original, long size) {
        this.original = original;
        this.total = size;
        this.sizeBefore = size;
    }

    /**
     * Cuts a copy of the tree until it is at most {@code target} bytes or nothing more can be cut ({@link #result});
     * returns the size reached. The tree's size before the cut ({@link #sizeBefore}) is measured on the way, with the
     * sizes of its arrays.
     */
    long cut(long target) {
        List<ArrayRef> inOrder = cutArrays(original, false, target, 1);
        root = (ObjectNode) copyKept(original, inOrder, new int[1]);
        cutStrings(target);
        if (total > target) {
            cutArrays(root, true, target, 0);
        }
        return total;
    }

    /** The cut copy, once {@link #cut} ran. */
    ObjectNode result() {
        return root;
    }

    /** The size of the tree before {@link #cut}: the one given, or else measured. */
    long sizeBefore() {
        return sizeBefore;
    }

    /**
     * Cuts the arrays of {@code tree} (the copy when {@code inCopy}, else only decided) down to {@code keep} elements,
     * largest first, until the target is met; returns the arrays in document order.
     */
    private List<ArrayRef> cutArrays(JsonNode tree, boolean inCopy, long target, int keep) {
        List<ArrayRef> refs = new ArrayList<>();
        long size = collectArrays(tree, inCopy, null, -1, new ArrayList<>(), 0, refs);
        if (total < 0) {
            // The first round measures the whole tree anyway: the size before the cut, when the caller did not know it.
            total = size;
            sizeBefore = size;
        }
        List<ArrayRef> bySize = new ArrayList<>(refs);
        bySize.sort(Comparator.comparingLong((ArrayRef r) -> r.size).reversed());
        for (ArrayRef ref : bySize) {
            if (total <= target) {
                break;
            }
            if (!ref.attached() || ref.kept() <= keep) {
                continue;
            }
            String path = ref.path();
            ArrayCut previous = arrays.get(path);
            int original = previous == null ? ref.kept() : previous.original();
            int omitted = previous == null ? 0 : previous.omitted();
            while (ref.kept() > keep && total > target) {
                int last = ref.kept() - 1;
                ref.dropLast();
                total -= ref.elementSizes[last] + (last > 0 ? 1 : 0);
                omitted++;
            }
            arrays.put(path, new ArrayCut(path, original, omitted, ref));
        }
        return refs;
    }

    /**
     * A copy of {@code node} with, of each array, the elements the first round kept; the arrays copied are then cut in
     * the copy. {@code inOrder}: the arrays in document order; {@code next[0]}: the next one to meet.
     */
    private static JsonNode copyKept(JsonNode node, List<ArrayRef> inOrder, int[] next) {
        if (node.isArray()) {
            ArrayRef ref = inOrder.get(next[0]++);
            ArrayNode copy = ((ArrayNode) node).arrayNode(ref.length);
            for (int i = 0; i < ref.length; i++) {
                copy.add(copyKept(node.get(i), inOrder, next));
            }
            // The arrays in the dropped elements are not met.
            next[0] = ref.order + 1 + ref.arraysBelow;
            ref.node = copy;
            ref.inCopy = true;
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                copy.set(f.getKey(), copyKept(f.getValue(), inOrder, next));
            }
            return copy;
        }
        // Values are immutable: shared, as JsonNode#deepCopy shares them.
        return node;
    }

    /**
     * Adds the arrays in {@code node} to {@code out} in document order, each with its size, and returns the size of
     * {@code node}: one pass, so that nested arrays are not measured again inside their parents. {@code node} lies in
     * element {@code index} of {@code parent} (the nearest array above, or null), below the field names
     * {@code names[from..]}.
     */
    private static long collectArrays(JsonNode node, boolean inCopy, ArrayRef parent, int index, List<String> names, int from,
            List<ArrayRef> out) {
        if (node.isArray()) {
            long size = 2 + Math.max(0, node.size() - 1);
            long[] elementSizes = new long[node.size()];
            ArrayRef ref = new ArrayRef((ArrayNode) node, inCopy, parent, index,
                    names.subList(from, names.size()).toArray(new String[0]), elementSizes, out.size());
            out.add(ref);
            for (int i = 0; i < node.size(); i++) {
                elementSizes[i] = collectArrays(node.get(i), inCopy, ref, i, names, names.size(), out);
                size += elementSizes[i];
            }
            ref.size = size;
            ref.arraysBelow = out.size() - ref.order - 1;
            return size;
        }
        if (node.isObject()) {
            long size = 2 + Math.max(0, node.size() - 1);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                names.add(f.getKey());
                size += JsonSize.string(f.getKey()) + 1 + collectArrays(f.getValue(), inCopy, parent, index, names, from, out);
                names.remove(names.size() - 1);
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
            if (!attached(ref.ancestors())) {
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

    /** Whether each of the arrays above a string still holds the element the string lies in. */
    private static boolean attached(List<Object[]> ancestors) {
        for (Object[] a : ancestors) {
            if (((ArrayNode) a[0]).size() <= (Integer) a[1]) {
                return false;
            }
        }
        return true;
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
            // A character's bytes, or a surrogate pair's (4, the only size of two characters), as JsonSize#string counts them.
            int size = JsonSize.escapedBytes(s, i);
            if (used + size > bytes) {
                break;
            }
            used += size;
            i += size == 4 ? 2 : 1;
        }
        return s.substring(0, i);
    }
}
