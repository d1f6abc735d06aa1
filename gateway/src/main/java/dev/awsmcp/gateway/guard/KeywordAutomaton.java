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
    private static final int SHIFT = 7;

    /** Next state, premultiplied by {@link #ALPHABET}, per (state x ALPHABET + character). */
    private final int[] transitions;
    private final int[][] outputs;
    /** Per premultiplied state: whether it ends a keyword (so the common case reads no output list). */
    private final boolean[] emits;

    /** Receives keyword hits. */
    interface HitSink {
        /** Keyword {@code keyword} ends just before shadow index {@code end}. */
        void hit(int keyword, int end);
    }

    KeywordAutomaton(List<String> keywords) {
        List<int[]> gotos = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        gotos.add(newState());
        out.add(new ArrayList<>());
        for (int k = 0; k < keywords.size(); k++) {
            int state = 0;
            for (char c : keywords.get(k).toCharArray()) {
                if (c >= ALPHABET || c == ' ' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("keyword must be ASCII without spaces: " + keywords.get(k));
                }
                if (gotos.get(state)[c] < 0) {
                    gotos.get(state)[c] = gotos.size();
                    gotos.add(newState());
                    out.add(new ArrayList<>());
                }
                state = gotos.get(state)[c];
            }
            out.get(state).add(k);
        }
        int[] table = link(gotos, out);
        for (int i = 0; i < table.length; i++) {
            table[i] *= ALPHABET;
        }
        this.transitions = table;
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
            state = transitions[state + (c < ALPHABET ? c : 0)];
            if (emits[state >>> SHIFT]) {
                for (int keyword : outputs[state >>> SHIFT]) {
                    sink.hit(keyword, i + 1);
                }
            }
        }
    }

    /** The start state, for a caller's own loop over {@link #next} (without whitespace skipping). */
    static final int START = 0;

    /** The state after reading {@code c} (lower-case ASCII; anything else reads as no keyword character). */
    int next(int state, char c) {
        return transitions[state + (c < ALPHABET ? c : 0)];
    }

    /** Whether {@code state} ends some keyword. */
    boolean emits(int state) {
        return emits[state >>> SHIFT];
    }

    /** The keywords (indexes) that end at {@code state}. */
    int[] keywordsEndingAt(int state) {
        return outputs[state >>> SHIFT];
    }

    private static int[] newState() {
        int[] state = new int[ALPHABET];
        Arrays.fill(state, -1);
        return state;
    }

    /** Breadth-first failure links folded into a complete transition table. */
    private static int[] link(List<int[]> gotos, List<List<Integer>> out) {
        int[] fail = new int[gotos.size()];
        int[] table = new int[gotos.size() * ALPHABET];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int next = gotos.get(0)[c];
            table[c] = Math.max(next, 0);
            if (next > 0) {
                queue.add(next);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            out.get(state).addAll(out.get(fail[state]));
            for (int c = 0; c < ALPHABET; c++) {
                int next = gotos.get(state)[c];
                if (next > 0) {
                    fail[next] = table[fail[state] * ALPHABET + c];
                    queue.add(next);
                    table[state * ALPHABET + c] = next;
                } else {
                    table[state * ALPHABET + c] = table[fail[state] * ALPHABET + c];
                }
            }
        }
        return table;
    }
}
