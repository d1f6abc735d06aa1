package dev.awsmcp.gateway.guard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * An Aho-Corasick automaton over fixed, lower-case ASCII keywords, built once from constants. It reads
 * shadow text skipping spaces and line feeds, so the keyword {@code "youarenow"} is found in
 * "you are now" and in "you arenow". Immutable and thread-safe; a scan is linear in the text.
 */
final class KeywordAutomaton {

    private static final int ALPHABET = 128;

    /** Per ASCII character, its class: 0 for characters of no keyword, else 1.. in order of first use. */
    private final byte[] classes = new byte[ALPHABET];
    /** Per ASCII character, the class of its lower case: one table read per character where text is folded as read. */
    private final byte[] foldedClasses = new byte[ALPHABET];
    /** log2 of the row width: the classes rounded up to a power of two. */
    private final int shift;
    /**
     * Next state per (state << shift | class), as char: the table of the rule keywords (some 10,000 states) then
     * takes 1.3 MB instead of 5 MB for one int per ASCII character, and a scan stays in the processor's caches.
     */
    private final char[] transitions;
    private final int[][] outputs;
    /** Per state: whether it ends a keyword (so the common case reads no output list). */
    private final boolean[] emits;

    /** Receives keyword hits. */
    interface HitSink {
        /** Keyword {@code keyword} ends just before shadow index {@code end}. */
        void hit(int keyword, int end);
    }

    KeywordAutomaton(List<String> keywords) {
        int classCount = 1;
        for (String keyword : keywords) {
            for (char c : keyword.toCharArray()) {
                if (c >= ALPHABET || c == ' ' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("keyword must be ASCII without spaces: " + keyword);
                }
                if (classes[c] == 0) {
                    classes[c] = (byte) classCount++;
                }
            }
        }
        for (char c = 0; c < ALPHABET; c++) {
            foldedClasses[c] = classes[Character.toLowerCase(c)];
        }
        int width = Integer.highestOneBit(Math.max(1, classCount - 1)) << 1;
        this.shift = Integer.numberOfTrailingZeros(width);
        List<int[]> gotos = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        gotos.add(newState(width));
        out.add(new ArrayList<>());
        for (int k = 0; k < keywords.size(); k++) {
            int state = 0;
            for (char c : keywords.get(k).toCharArray()) {
                int cls = classes[c];
                if (gotos.get(state)[cls] < 0) {
                    gotos.get(state)[cls] = gotos.size();
                    gotos.add(newState(width));
                    out.add(new ArrayList<>());
                }
                state = gotos.get(state)[cls];
            }
            out.get(state).add(k);
        }
        if (gotos.size() > Character.MAX_VALUE) {
            throw new IllegalArgumentException("too many keyword states: " + gotos.size());
        }
        int[] table = link(gotos, out, width);
        this.transitions = new char[table.length];
        for (int i = 0; i < table.length; i++) {
            transitions[i] = (char) table[i];
        }
        this.outputs = new int[out.size()][];
        this.emits = new boolean[out.size()];
        for (int s = 0; s < out.size(); s++) {
            outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
            emits[s] = outputs[s].length > 0;
        }
    }

    /** Reports every keyword occurrence in the shadow text {@code text[from, to)}, in order of end position. */
    void scan(String text, int from, int to, HitSink sink) {
        int state = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') {
                continue;
            }
            state = transitions[state << shift | (c < ALPHABET ? classes[c] : 0)];
            if (emits[state]) {
                for (int keyword : outputs[state]) {
                    sink.hit(keyword, i + 1);
                }
            }
        }
    }

    /** The start state, for a caller's own loop over {@link #next} (without whitespace skipping). */
    static final int START = 0;

    /** The state after reading {@code c} (lower-case ASCII; anything else reads as no keyword character). */
    int next(int state, char c) {
        return transitions[state << shift | (c < ALPHABET ? classes[c] : 0)];
    }

    /** The class of {@code c} (lower-case ASCII; anything else reads as no keyword character), for a loop over {@link #transitions}. */
    int classOf(char c) {
        return c < ALPHABET ? classes[c] : 0;
    }

    /**
     * The transition table, per {@code state << shift() | class}, for a caller's loop that keeps it in a local (a field
     * read on every character is not hoisted out of a loop that makes calls).
     */
    char[] transitions() {
        return transitions;
    }

    /** log2 of the transition table's row width. */
    int shift() {
        return shift;
    }

    /**
     * Per ASCII character, the class of its lower case ({@link Character#toLowerCase(char)}). The tables handed out here
     * are read, never written.
     */
    byte[] foldedClasses() {
        return foldedClasses;
    }

    /** Per state, whether it ends some keyword ({@link #emits}). */
    boolean[] emitting() {
        return emits;
    }

    /** Whether {@code state} ends some keyword. */
    boolean emits(int state) {
        return emits[state];
    }

    /** Per state, the union of {@code mask} over the keywords that end there (0 where none does). */
    int[] outputs(java.util.function.IntUnaryOperator mask) {
        int[] union = new int[outputs.length];
        for (int state = 0; state < outputs.length; state++) {
            for (int keyword : outputs[state]) {
                union[state] |= mask.applyAsInt(keyword);
            }
        }
        return union;
    }

    /** The keywords (indexes) that end at {@code state}. */
    int[] keywordsEndingAt(int state) {
        return outputs[state];
    }

    private static int[] newState(int width) {
        int[] state = new int[width];
        Arrays.fill(state, -1);
        return state;
    }

    /** Breadth-first failure links folded into a complete transition table (state * width + class). */
    private static int[] link(List<int[]> gotos, List<List<Integer>> out, int width) {
        int[] fail = new int[gotos.size()];
        int[] table = new int[gotos.size() * width];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < width; c++) {
            int next = gotos.get(0)[c];
            table[c] = Math.max(next, 0);
            if (next > 0) {
                queue.add(next);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            out.get(state).addAll(out.get(fail[state]));
            for (int c = 0; c < width; c++) {
                int next = gotos.get(state)[c];
                if (next > 0) {
                    fail[next] = table[fail[state] * width + c];
                    queue.add(next);
                    table[state * width + c] = next;
                } else {
                    table[state * width + c] = table[fail[state] * width + c];
                }
            }
        }
        return table;
    }
}
