package dev.awsmcp.gateway.guard;

import java.util.Arrays;
import java.util.Objects;

/**
 * The normalized shadow copy of a range of untrusted text that the phrase and marker rules match
 * against, with the original range of every shadow character. Folding: {@link CharacterFolding} per
 * code point, invisible characters and ANSI escape sequences dropped, whitespace runs collapsed to
 * one space (or one line feed when the run holds a line break), and runs of four or more single
 * letters between separators ("i g n o r e", "i.g.n.o.r.e") joined into one word.
 *
 * <p>A shadow can be written reading a {@link KeywordAutomaton} as it goes ({@link #reusing}): the rule matcher
 * then replays the keyword hits instead of reading the shadow again.
 */
final class ShadowText {

    private static final int MAX_SEPARATOR_RUN = 3;
    static final int MIN_LETTER_RUN = 4;

    private static final ThreadLocal<Builder> SCRATCH = ThreadLocal.withInitial(() -> new Builder(16));
    /**
     * Per ASCII character, what the fast path needs in one table read: its lower case (low byte), its {@link LetterRuns}
     * class, and whether it is whitespace (and a line break), dropped, or leaves the fast path (the escape).
     */
    private static final int[] ASCII = new int[128];
    private static final int RUN_CLASS_SHIFT = 8;
    private static final int WHITESPACE = 1 << 10;
    private static final int LINE_BREAK = 1 << 11;
    private static final int DROPPED = 1 << 12;
    private static final int ESCAPE = 1 << 13;

    static {
        for (char c = 0; c < 128; c++) {
            char lower = Character.toLowerCase(c);
            int info = lower | LetterRuns.classOf(lower) << RUN_CLASS_SHIFT;
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0x0B || c == 0x0C) {
                info |= WHITESPACE | (c == '\n' || c == '\r' ? LINE_BREAK : 0);
            } else if (c == 0x1B) {
                info |= ESCAPE;
            } else if (c < 0x20 || c == 0x7F) {
                info |= DROPPED;
            }
            ASCII[c] = info;
        }
    }

    /** Reads no keyword: the fast path's tables when the shadow is written reading no automaton. */
    private static final KeywordAutomaton NO_KEYWORDS = new KeywordAutomaton(java.util.List.of());

    private final String original;
    private final String text;
    /** The original range of each shadow character, or null when it is kept as breakpoints ({@link Builder#lazy}). */
    private final int[] starts;
    private final int[] ends;
    private final int[] breakIndex;
    private final int[] breakStart;
    private final int breaks;
    private final boolean leadingNewline;
    private final int trailingEnd;
    /** The automaton read while the shadow was written, or null; its hits: state and end, in pairs. */
    private final KeywordAutomaton keywords;
    private final int[] hits;
    private final int hitCount;

    private ShadowText(String original, String text, Builder raw) {
        this.original = original;
        this.text = text;
        boolean lazy = raw.lazy;
        this.starts = lazy ? null : raw.starts;
        this.ends = lazy ? null : raw.ends;
        this.breakIndex = raw.breakIndex;
        this.breakStart = raw.breakStart;
        this.breaks = raw.breaks;
        this.leadingNewline = raw.leadingNewline;
        this.trailingEnd = raw.trailingEnd;
        this.keywords = raw.keywords;
        this.hits = raw.hits;
        this.hitCount = raw.hitCount;
    }

    /**
     * The shadow of {@code original[from, to)}. It starts with a line feed when {@code from} is the
     * start of a line, so that line-start rules can anchor on {@code \n}.
     */
    static ShadowText of(String original, int from, int to) {
        return of(original, from, to, new Builder(to - from + 16));
    }

    /**
     * {@link #of(String, int, int)} written into this thread's scratch arrays, which the next call on the thread
     * overwrites: for a caller that is done with the shadow before it asks for another (the detector matches one
     * chunk, then makes the next). Saves allocating and zeroing three arrays per chunk (370 KB for 32 Ki characters).
     * Reads {@code keywords} (or nothing, when null) as the shadow is written: its hits are those
     * {@link KeywordAutomaton#scan} finds in the shadow ({@link #replayKeywordHits}).
     */
    static ShadowText reusing(String original, int from, int to, KeywordAutomaton keywords) {
        Builder scratch = SCRATCH.get();
        scratch.reset(to - from + 16, keywords);
        return of(original, from, to, scratch);
    }

    private static ShadowText of(String original, int from, int to, Builder raw) {
        if (from == 0 || original.charAt(from - 1) == '\n') {
            raw.add('\n', from, from);
            raw.leadingNewline = true;
        }
        int whitespaceStart = -1;
        boolean newline = false;
        // Whether a run of single letters needs joining, read on what is written; folded characters leave it to the join pass.
        boolean mayJoin = false;
        int runs = LetterRuns.START;
        // The keyword automaton's state, read as KeywordAutomaton.scan reads the shadow (without spaces and line feeds).
        KeywordAutomaton keywords = raw.keywords;
        KeywordAutomaton tables = keywords == null ? NO_KEYWORDS : keywords;
        char[] transitions = tables.transitions();
        int shift = tables.shift();
        byte[] classes = tables.foldedClasses();
        boolean[] emits = tables.emitting();
        int state = KeywordAutomaton.START;
        int i = from;
        while (i < to) {
            // ASCII fast path: most AWS text never leaves it, and writes at most one character per character read,
            // within the builder's capacity. The arrays and the length are locals until it stops. It writes the
            // characters and, where a character's original start is not the previous one's plus one, a breakpoint;
            // the ranges follow from those (Builder#materialize).
            char[] chars = raw.chars;
            int n = raw.length;
            int stretch = n;
            if (!raw.lazy) {
                raw.breaks = 0;
                raw.delta = Integer.MIN_VALUE;
            }
            int[] breakIndex = raw.breakIndex;
            int[] breakStart = raw.breakStart;
            int breaks = raw.breaks;
            int delta = raw.delta;
            for (; i < to; i++) {
                char c = original.charAt(i);
                if (c >= 128) {
                    break;
                }
                int info = ASCII[c];
                if (info >= WHITESPACE) {
                    if ((info & ESCAPE) != 0) {
                        break;
                    }
                    if ((info & WHITESPACE) != 0) {
                        whitespaceStart = whitespaceStart < 0 ? i : whitespaceStart;
                        newline |= (info & LINE_BREAK) != 0;
                    }
                    continue;
                }
                if (whitespaceStart >= 0) {
                    chars[n] = newline ? '\n' : ' ';
                    if (whitespaceStart - n != delta) {
                        breakIndex[breaks] = n;
                        breakStart[breaks++] = whitespaceStart;
                        delta = whitespaceStart - n;
                    }
                    n++;
                    runs = LetterRuns.next(runs, newline ? LetterRuns.OTHER : LetterRuns.SEPARATOR);
                    whitespaceStart = -1;
                    newline = false;
                }
                chars[n] = (char) (info & 0xFF);
                if (i - n != delta) {
                    breakIndex[breaks] = n;
                    breakStart[breaks++] = i;
                    delta = i - n;
                }
                n++;
                runs = LetterRuns.next(runs, info >>> RUN_CLASS_SHIFT & 3);
                state = transitions[state << shift | classes[c]];
                if (emits[state]) {
                    raw.hit(state, n);
                }
            }
            raw.length = n;
            raw.breaks = breaks;
            raw.delta = delta;
            if (!raw.lazy) {
                raw.materialize(stretch);
            }
            if (i >= to) {
                break;
            }
            // The folding path writes the ranges themselves.
            if (raw.lazy) {
                raw.materialize(0);
                raw.lazy = false;
            }
            // Folded characters may become several letters: the join pass decides.
            mayJoin = true;
            int written = raw.length;
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == 0x1B) {
                next = Math.min(to, Math.max(next, AnsiEscapes.end(original, i, to)));
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                whitespaceStart = whitespaceStart < 0 ? i : whitespaceStart;
                newline |= cp == 0x2028 || cp == 0x2029 || cp == 0x85;
            } else {
                String folded = CharacterFolding.fold(cp);
                if (!folded.isEmpty()) {
                    if (whitespaceStart >= 0) {
                        raw.append(newline ? '\n' : ' ', whitespaceStart, i);
                        whitespaceStart = -1;
                        newline = false;
                    }
                    for (int k = 0; k < folded.length(); k++) {
                        raw.append(folded.charAt(k), i, next);
                    }
                }
            }
            state = keywords == null ? state : read(keywords, state, raw, written);
            i = next;
            // The fast path writes without checking: room for the rest read as ASCII (at most one character each).
            raw.ensureRoom(to - i + 2);
        }
        if (whitespaceStart >= 0) {
            raw.add(newline ? '\n' : ' ', whitespaceStart, to);
        }
        return mayJoin || LetterRuns.found(runs) ? joinSingleLetterRuns(original, raw)
                : new ShadowText(original, new String(raw.chars, 0, raw.length), raw);
    }

    /** Reads the shadow characters from {@code written} on into {@code keywords}, as {@link KeywordAutomaton#scan} does. */
    private static int read(KeywordAutomaton keywords, int state, Builder raw, int written) {
        for (int k = written; k < raw.length; k++) {
            char c = raw.chars[k];
            if (c != ' ' && c != '\n') {
                state = keywords.next(state, c);
                if (keywords.emits(state)) {
                    raw.hit(state, k + 1);
                }
            }
        }
        return state;
    }

    /**
     * Replays, in order, the hits of {@code automaton} in this shadow, found as it was written, and answers true; false
     * (nothing replayed) when it was written reading no automaton or another.
     */
    boolean replayKeywordHits(KeywordAutomaton automaton, KeywordAutomaton.HitSink sink) {
        if (keywords != automaton) {
            return false;
        }
        for (int k = 0; k < hitCount; k += 2) {
            for (int keyword : automaton.keywordsEndingAt(hits[k])) {
                sink.hit(keyword, hits[k + 1]);
            }
        }
        return true;
    }

    String text() {
        return text;
    }

    /** The whole original text this is the shadow of (a range of it); offsets are into it. */
    String original() {
        return original;
    }

    int length() {
        return text.length();
    }

    /** Original offset where shadow character {@code index} comes from. */
    int originalStart(int index) {
        if (starts != null) {
            return starts[index];
        }
        Objects.checkIndex(index, text.length());
        return startOf(index, breakIndex, breakStart, breaks);
    }

    /** Original offset just past the source of shadow character {@code index}. */
    int originalEnd(int index) {
        if (ends != null) {
            return ends[index];
        }
        return endOf(index, text.charAt(index), text.length(), breakIndex, breakStart, breaks, leadingNewline, trailingEnd);
    }

    /** The original start of shadow character {@code index}, from the breakpoints (the last one at or before it). */
    private static int startOf(int index, int[] breakIndex, int[] breakStart, int breaks) {
        int low = 0;
        int high = breaks - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (breakIndex[mid] <= index) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return breakStart[low] + index - breakIndex[low];
    }

    /**
     * The original end of shadow character {@code index} written by the fast path: a letter or sign covers one
     * character; a whitespace run reaches to the next character's start (or the range's end, for the last); the leading
     * line feed covers nothing.
     */
    private static int endOf(int index, char c, int length, int[] breakIndex, int[] breakStart, int breaks,
            boolean leadingNewline, int trailingEnd) {
        int start = startOf(index, breakIndex, breakStart, breaks);
        if (c != ' ' && c != '\n') {
            return start + 1;
        }
        if (index == 0 && leadingNewline) {
            return start;
        }
        return index + 1 < length ? startOf(index + 1, breakIndex, breakStart, breaks) : trailingEnd;
    }

    /** Joins single-letter runs in place (the output never outruns the input) and freezes the result. */
    private static ShadowText joinSingleLetterRuns(String original, Builder raw) {
        if (raw.lazy) {
            raw.materialize(0);
            raw.lazy = false;
        }
        char[] chars = raw.chars;
        int length = raw.length;
        int written = 0;
        int i = 0;
        while (i < length) {
            int runEnd = chars[i] >= 'a' && chars[i] <= 'z' && isSingleLetter(chars, length, i)
                    ? letterRunEnd(chars, length, i) : -1;
            if (runEnd < 0) {
                raw.move(i, written++);
                i++;
                continue;
            }
            written = copyLetters(raw, i, runEnd, written);
            i = runEnd;
        }
        String text = new String(chars, 0, written);
        if (written != length && raw.keywords != null) {
            // Letters were joined: the hits found while writing are those of the text before.
            raw.hitCount = 0;
            raw.length = written;
            read(raw.keywords, KeywordAutomaton.START, raw, 0);
        }
        return new ShadowText(original, text, raw);
    }

    /**
     * Copies the letters of a run; a gap wider (in the original text) than the run's first gap becomes
     * one space, so "i g n o r e   a l l" reads "ignore all".
     */
    private static int copyLetters(Builder raw, int from, int to, int written) {
        int previous = -1;
        int firstGap = -1;
        for (int k = from; k < to; k++) {
            if (!isWordChar(raw.chars[k])) {
                continue;
            }
            if (previous >= 0) {
                int gap = raw.starts[k] - raw.ends[previous];
                firstGap = firstGap < 0 ? gap : firstGap;
                if (gap > firstGap) {
                    raw.set(written++, ' ', raw.ends[previous], raw.starts[k]);
                }
            }
            raw.move(k, written++);
            previous = k;
        }
        return written;
    }

    /** End (exclusive, just past the last letter) of a run of at least four single letters, or -1. */
    private static int letterRunEnd(char[] chars, int length, int start) {
        int letters = 1;
        int lastLetterEnd = start + 1;
        int i = start + 1;
        while (i < length) {
            int separators = 0;
            while (i < length && LetterRuns.isSeparator(chars[i]) && separators <= MAX_SEPARATOR_RUN) {
                i++;
                separators++;
            }
            if (separators == 0 || separators > MAX_SEPARATOR_RUN || i >= length
                    || !isSingleLetter(chars, length, i)) {
                break;
            }
            letters++;
            lastLetterEnd = ++i;
        }
        return letters >= MIN_LETTER_RUN ? lastLetterEnd : -1;
    }

    private static boolean isSingleLetter(char[] chars, int length, int i) {
        return chars[i] >= 'a' && chars[i] <= 'z'
                && (i == 0 || !isWordChar(chars[i - 1]))
                && (i + 1 >= length || !isWordChar(chars[i + 1]));
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
    }


    /** Growable parallel arrays: shadow characters and their original ranges; and the keyword hits, when read. */
    private static final class Builder {
        char[] chars;
        int[] starts;
        int[] ends;
        int length;
        KeywordAutomaton keywords;
        /**
         * Whether the ranges are kept as breakpoints only (the arrays {@link #starts} and {@link #ends} not written):
         * while everything written came from the ASCII fast path. A breakpoint is a shadow index whose original start
         * is not the previous one's plus one, and that start.
         */
        boolean lazy = true;
        int[] breakIndex;
        int[] breakStart;
        int breaks;
        /** Original start minus shadow index since the last breakpoint. */
        int delta = Integer.MIN_VALUE;
        boolean leadingNewline;
        /** The original end of a whitespace run written last (while lazy), else -1. */
        int trailingEnd = -1;
        /** Automaton state and end (shadow index past the keyword) of each hit, in pairs. */
        int[] hits = new int[64];
        int hitCount;

        Builder(int capacity) {
            chars = new char[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            breakIndex = new int[capacity];
            breakStart = new int[capacity];
        }

        /**
         * Empty, with room for {@code capacity} characters (the arrays are kept when they are large enough), to be
         * written reading {@code keywords} (or none).
         */
        void reset(int capacity, KeywordAutomaton keywords) {
            length = 0;
            hitCount = 0;
            lazy = true;
            breaks = 0;
            delta = Integer.MIN_VALUE;
            leadingNewline = false;
            trailingEnd = -1;
            this.keywords = keywords;
            if (chars.length < capacity) {
                chars = new char[capacity];
                starts = new int[capacity];
                ends = new int[capacity];
                growBreaks();
            }
        }

        /** Notes that the keyword automaton is in {@code state}, which ends some keyword, past shadow index {@code end - 1}. */
        void hit(int state, int end) {
            if (hitCount + 2 > hits.length) {
                hits = Arrays.copyOf(hits, 2 * hits.length);
            }
            hits[hitCount] = state;
            hits[hitCount + 1] = end;
            hitCount += 2;
        }

        /** {@link #append}, or while {@link #lazy} the character and its breakpoint. */
        void add(char c, int start, int end) {
            if (!lazy) {
                append(c, start, end);
                return;
            }
            ensureRoom(1);
            if (start - length != delta) {
                breakIndex[breaks] = length;
                breakStart[breaks++] = start;
                delta = start - length;
            }
            chars[length++] = c;
            trailingEnd = end;
        }

        /** Room for a breakpoint per character: there are never more (so the fast path writes them without checking). */
        private void growBreaks() {
            if (breakIndex.length < chars.length) {
                breakIndex = Arrays.copyOf(breakIndex, chars.length);
                breakStart = Arrays.copyOf(breakStart, chars.length);
            }
        }

        /** Writes the ranges of shadow characters {@code [from, length)} from the breakpoints, the first at {@code from}. */
        void materialize(int from) {
            int b = 0;
            for (int k = from; k < length; k++) {
                while (b + 1 < breaks && breakIndex[b + 1] <= k) {
                    b++;
                }
                starts[k] = breakStart[b] + k - breakIndex[b];
            }
            for (int k = from; k < length; k++) {
                char c = chars[k];
                ends[k] = c != ' ' && c != '\n' ? starts[k] + 1 : k == 0 && leadingNewline ? starts[k]
                        : k + 1 < length ? starts[k + 1] : trailingEnd;
            }
        }

        void set(int index, char c, int start, int end) {
            chars[index] = c;
            starts[index] = start;
            ends[index] = end;
        }

        void move(int from, int to) {
            if (from != to) {
                chars[to] = chars[from];
                starts[to] = starts[from];
                ends[to] = ends[from];
            }
        }

        void ensureRoom(int more) {
            if (length + more > chars.length) {
                int capacity = Math.max(chars.length * 2 + 16, length + more);
                chars = Arrays.copyOf(chars, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                growBreaks();
            }
        }

        void append(char c, int start, int end) {
            if (length == chars.length) {
                int capacity = chars.length * 2 + 16;
                chars = Arrays.copyOf(chars, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                growBreaks();
            }
            chars[length] = c;
            starts[length] = start;
            ends[length] = end;
            length++;
        }
    }
}
