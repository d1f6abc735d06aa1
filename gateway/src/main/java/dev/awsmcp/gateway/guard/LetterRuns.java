package dev.awsmcp.gateway.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells, reading shadow characters one by one, whether they hold a run that {@link ShadowText} joins: at least
 * {@link ShadowText#MIN_LETTER_RUN} single letters (a letter with no letter, digit or apostrophe on either side), one
 * to three separators between each two ("i g n o r e", "i.g.n.o.r.e"). "c.e.o.OrderHandler" holds none: its fourth
 * letter starts a word. A small automaton over four character classes, built once from the rules below, so a reader
 * keeps its state in one int: {@code state = next(state, classOf(c))}, then {@link #found(int)} at the end.
 */
final class LetterRuns {

    /** Character classes. */
    static final int OTHER = 0;
    static final int SEPARATOR = 1;
    static final int LETTER = 2;
    /** A digit or an apostrophe: part of a word, not a letter. */
    static final int WORD = 3;

    static final int START = 0;
    private static final int MAX_SEPARATORS = 3;

    private static final byte[] CLASSES = new byte[128];
    private static final byte[] NEXT;
    private static final boolean[] FOUND_AT_END;

    static {
        for (char c = 0; c < CLASSES.length; c++) {
            CLASSES[c] = (byte) computeClass(c);
        }
        // States are the reachable values of the reference reader; found is absorbing.
        Map<Reader, Integer> ids = new HashMap<>();
        List<Reader> states = new ArrayList<>();
        ids.put(new Reader(0, 0, false, false, false), 0);
        states.add(new Reader(0, 0, false, false, false));
        List<int[]> edges = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            int[] row = new int[4];
            for (int cls = 0; cls < 4; cls++) {
                Reader next = states.get(s).next(cls);
                Integer id = ids.get(next);
                if (id == null) {
                    id = states.size();
                    ids.put(next, id);
                    states.add(next);
                }
                row[cls] = id;
            }
            edges.add(row);
        }
        if (states.size() > Byte.MAX_VALUE) {
            throw new IllegalStateException("letter-run automaton too large: " + states.size());
        }
        NEXT = new byte[states.size() * 4];
        FOUND_AT_END = new boolean[states.size()];
        for (int s = 0; s < states.size(); s++) {
            for (int cls = 0; cls < 4; cls++) {
                NEXT[s << 2 | cls] = (byte) edges.get(s)[cls];
            }
            FOUND_AT_END[s] = states.get(s).foundAtEnd();
        }
    }

    private LetterRuns() {
    }

    /** The class of a shadow character (lower case). */
    static int classOf(char c) {
        return c < CLASSES.length ? CLASSES[c] : OTHER;
    }

    private static int computeClass(char c) {
        return c >= 'a' && c <= 'z' ? LETTER : c >= '0' && c <= '9' || c == '\'' ? WORD : isSeparator(c) ? SEPARATOR : OTHER;
    }

    /**
     * What may stand between the letters of a run. Here, not in {@link ShadowText}, whose class initialization reads this
     * class's tables: neither class's initialization may wait on the other's.
     */
    static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == ',' || c == '|' || c == '/'
                || c == '~' || c == '+' || c == ':' || c == ';';
    }

    /** The state after a character of class {@code cls}. */
    static int next(int state, int cls) {
        return NEXT[state << 2 | cls];
    }

    /** Whether the characters read up to {@code state} (the text ends here) hold a run to join. */
    static boolean found(int state) {
        return FOUND_AT_END[state];
    }

    /**
     * The reference reader.
     *
     * @param run single letters of the current run (capped: four is found)
     * @param separators separators since the run's last single letter (capped past three: the run is over)
     * @param pending the last character is a letter after a non-word character: single if the next is not a word character
     * @param word the last character is a word character
     * @param found a run was found
     */
    private record Reader(int run, int separators, boolean pending, boolean word, boolean found) {

        Reader next(int cls) {
            if (found) {
                return this;
            }
            int r = run;
            int sep = separators;
            boolean p = pending;
            boolean f = false;
            boolean isWord = cls == LETTER || cls == WORD;
            if (isWord) {
                if (p) {
                    p = false;
                    r = 0;
                } else if (cls == LETTER && !word) {
                    p = true;
                } else {
                    r = 0;
                }
            } else {
                if (p) {
                    p = false;
                    r = r > 0 && sep >= 1 && sep <= MAX_SEPARATORS ? r + 1 : 1;
                    sep = 0;
                    f = r >= ShadowText.MIN_LETTER_RUN;
                }
                if (cls != SEPARATOR) {
                    r = 0;
                } else if (r > 0 && ++sep > MAX_SEPARATORS) {
                    r = 0;
                }
            }
            if (f) {
                return new Reader(0, 0, false, false, true);
            }
            // Separators matter only within a run; past the cap they all read the same.
            return new Reader(r, r > 0 ? Math.min(sep, MAX_SEPARATORS + 1) : 0, p, isWord, false);
        }

        boolean foundAtEnd() {
            return found || pending && run > 0 && separators >= 1 && separators <= MAX_SEPARATORS
                    && run + 1 >= ShadowText.MIN_LETTER_RUN;
        }
    }
}
