package dev.awsmcp.gateway.guard;

import java.util.List;

/**
 * Finds invisible and control characters in the original text (family {@code invisible}), one finding
 * per run: characters of one kind that follow each other, or are at most four visible characters
 * apart (zero-width characters sprinkled inside a word are one run). Tag characters are decoded and the
 * hidden text is reported. ANSI colour codes (SGR) are formatting, not findings ({@link AnsiEscapes});
 * joiners inside emoji sequences and between letters of one script are writing, not findings
 * ({@link Joiners}). Linear, no regular expression, no state between calls.
 */
final class InvisibleCharacterScanner {

    static final String FAMILY = "invisible";
    private static final int MAX_GAP = 4;
    private static final int MAX_HIDDEN_TEXT = 200;

    /** Kinds of invisible characters; the name is the finding's rule. */
    enum Kind {
        TAG("tag-characters"), ZERO_WIDTH("zero-width"), BIDI("bidi-control"),
        VARIATION_SELECTORS("variation-selectors"), PRIVATE_USE("private-use"), CONTROL("control-character"),
        ANSI_ESCAPE("ansi-escape");

        final String rule;

        Kind(String rule) {
            this.rule = rule;
        }
    }

    /** Adds the invisible-character findings of {@code text} to {@code out}. */
    void scan(String text, List<Finding> out) {
        Run run = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            Kind kind = classify(text, cp, i);
            if (kind == Kind.ANSI_ESCAPE) {
                int colour = AnsiEscapes.sgrEnd(text, i);
                if (colour > 0) {
                    i = colour;
                    continue;
                }
                next = AnsiEscapes.end(text, i, text.length());
                kind = next - i > 1 ? Kind.ANSI_ESCAPE : Kind.CONTROL;
            }
            if (kind != null) {
                if (run == null || run.kind != kind || i - run.end > MAX_GAP) {
                    report(run, out);
                    run = new Run(kind, i);
                }
                run.add(cp, next);
            }
            i = next;
        }
        report(run, out);
    }

    /** The kind of {@code cp} at {@code index}, or null when it is visible (or an allowed joiner); ESC reads as ANSI_ESCAPE. */
    private static Kind classify(String text, int cp, int index) {
        if (cp >= 0x20 && cp < 0x7F) {
            return null;
        }
        if (cp >= 0xE0000 && cp <= 0xE007F) {
            return Kind.TAG;
        }
        if (cp == 0x200B || cp == 0x2060 || cp == 0x180E || cp == 0xAD || (cp >= 0x2061 && cp <= 0x2064)) {
            return Kind.ZERO_WIDTH;
        }
        if (cp == 0x200C || cp == 0x200D) {
            return Joiners.isWriting(text, index) ? null : Kind.ZERO_WIDTH;
        }
        if (cp == 0xFEFF) {
            return index == 0 ? null : Kind.ZERO_WIDTH;
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return Kind.BIDI;
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return Kind.VARIATION_SELECTORS;
        }
        if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000) {
            return Kind.PRIVATE_USE;
        }
        if (cp == 0x1B) {
            return Kind.ANSI_ESCAPE;
        }
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F)) {
            return Kind.CONTROL;
        }
        return null;
    }

    private static void report(Run run, List<Finding> out) {
        if (run == null || (run.kind == Kind.VARIATION_SELECTORS && run.count < 2)) {
            return;
        }
        String detail = run.kind == Kind.TAG
                ? "hidden text in Unicode tag characters: " + Excerpts.quote(run.hidden, MAX_HIDDEN_TEXT)
                : run.count + " " + run.kind.rule + (run.kind == Kind.ANSI_ESCAPE ? " sequence(s)" : " character(s)");
        out.add(new Finding(FAMILY, run.kind.rule, run.start, run.end, detail));
    }

    /** A run being collected. */
    private static final class Run {
        final Kind kind;
        final int start;
        final StringBuilder hidden = new StringBuilder();
        int end;
        int count;

        Run(Kind kind, int start) {
            this.kind = kind;
            this.start = start;
        }

        void add(int cp, int next) {
            end = next;
            count++;
            if (kind == Kind.TAG && cp >= 0xE0020 && cp <= 0xE007E && hidden.length() <= MAX_HIDDEN_TEXT) {
                hidden.append((char) (cp - 0xE0000));
            }
        }
    }
}
