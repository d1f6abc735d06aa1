package dev.awsmcp.gateway.guard;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import java.util.Set;

/**
 * Where the zero-width joiner (U+200D) and non-joiner (U+200C) are part of ordinary writing rather than
 * hidden content: a ZWJ between two pictographs of an emoji sequence (👩🏽‍💻, 🏳️‍🌈; the first may carry
 * a skin-tone modifier or VS16), and either joiner between two letters or marks of one script whose
 * orthography uses them (Arabic and Persian, Indic scripts, Syriac, Mongolian...). Anywhere else,
 * next to ASCII above all, a joiner is invisible content and reported.
 */
final class Joiners {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int VS16 = 0xFE0F;
    private static final Set<Integer> JOINING_SCRIPTS = Set.of(UScript.ARABIC, UScript.SYRIAC, UScript.NKO,
            UScript.MONGOLIAN, UScript.MANDAIC, UScript.DEVANAGARI, UScript.BENGALI, UScript.GURMUKHI, UScript.GUJARATI,
            UScript.ORIYA, UScript.TAMIL, UScript.TELUGU, UScript.KANNADA, UScript.MALAYALAM, UScript.SINHALA);

    private Joiners() {
    }

    /** Whether the joiner at {@code index} of {@code text} is part of an emoji sequence or of a word in a joining script. */
    static boolean isWriting(String text, int index) {
        int joiner = text.charAt(index);
        if (joiner != ZWJ && joiner != ZWNJ || index == 0 || index + 1 >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(index);
        int after = text.codePointAt(index + 1);
        if (before < 0x80 || after < 0x80) {
            return false;
        }
        return joiner == ZWJ && isEmojiJoin(text, index, after) || isSameJoiningScript(before, after);
    }

    /** The pictograph before the ZWJ (past one skin-tone modifier or VS16) and the one after it. */
    private static boolean isEmojiJoin(String text, int index, int after) {
        int at = index;
        int before = text.codePointBefore(at);
        if (before == VS16 || UCharacter.hasBinaryProperty(before, UProperty.EMOJI_MODIFIER)) {
            at -= Character.charCount(before);
            if (at == 0) {
                return false;
            }
            before = text.codePointBefore(at);
        }
        return UCharacter.hasBinaryProperty(before, UProperty.EXTENDED_PICTOGRAPHIC)
                && UCharacter.hasBinaryProperty(after, UProperty.EXTENDED_PICTOGRAPHIC);
    }

    private static boolean isSameJoiningScript(int before, int after) {
        int script = UScript.getScript(before);
        return script == UScript.getScript(after) && JOINING_SCRIPTS.contains(script) && isLetterOrMark(before)
                && isLetterOrMark(after);
    }

    private static boolean isLetterOrMark(int cp) {
        int type = UCharacter.getType(cp);
        return UCharacter.isLetter(cp) || type == UCharacter.NON_SPACING_MARK || type == UCharacter.COMBINING_SPACING_MARK;
    }
}
