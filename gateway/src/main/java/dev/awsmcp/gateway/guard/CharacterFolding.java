package dev.awsmcp.gateway.guard;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds one code point to the text the rules match against: NFKC with case folding (ICU's
 * NFKC_Casefold, which also drops default-ignorable characters), combining marks removed, and every
 * remaining non-ASCII character that is confusable with an ASCII character (per the Unicode
 * confusables skeleton) replaced by that character. Controls, format and private-use characters fold
 * to nothing. The table for the Basic Multilingual Plane is computed once; thread-safe.
 */
final class CharacterFolding {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final String[] ASCII = new String[128];
    private static final String[] BMP = new String[0x10000];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = isInvisible(c) ? "" : String.valueOf((char) Character.toLowerCase(c));
        }
        Map<String, Character> skeletonToAscii = asciiSkeletons();
        Map<Character, String> charToAscii = new HashMap<>();
        SpoofChecker spoof = new SpoofChecker.Builder().build();
        for (int c = 0x80; c < 0x10000; c++) {
            if (!Character.isSurrogate((char) c)) {
                BMP[c] = computeFold(c, spoof, skeletonToAscii, charToAscii);
            }
        }
    }

    private CharacterFolding() {
    }

    /** The folded form of {@code codePoint}: lower-case ASCII where a confusable exists, "" when invisible. */
    static String fold(int codePoint) {
        if (codePoint < 128) {
            return ASCII[codePoint];
        }
        if (codePoint < 0x10000) {
            String folded = BMP[codePoint];
            return folded != null ? folded : "";
        }
        return foldSupplementary(codePoint);
    }

    private static String foldSupplementary(int codePoint) {
        if (isInvisible(codePoint)) {
            return "";
        }
        String normalized = NFKC_CASEFOLD.normalize(new String(Character.toChars(codePoint)));
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c < 128) {
                out.append(ASCII[c]);
            } else {
                out.append(BMP[c] != null ? BMP[c] : String.valueOf(c));
            }
        }
        return out.toString();
    }

    private static String computeFold(int c, SpoofChecker spoof, Map<String, Character> skeletonToAscii,
            Map<Character, String> cache) {
        if (isInvisible(c)) {
            return "";
        }
        String normalized = NFD.normalize(NFKC_CASEFOLD.normalize(String.valueOf((char) c)));
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char n = normalized.charAt(i);
            if (n < 128) {
                out.append(ASCII[n]);
            } else if (Character.getType(n) != Character.NON_SPACING_MARK && !isInvisible(n)) {
                out.append(cache.computeIfAbsent(n, key -> confusable(key, spoof, skeletonToAscii)));
            }
        }
        return out.toString();
    }

    private static String confusable(char c, SpoofChecker spoof, Map<String, Character> skeletonToAscii) {
        Character ascii = skeletonToAscii.get(spoof.getSkeleton(String.valueOf(c)));
        return ascii != null ? String.valueOf(ascii) : String.valueOf(c);
    }

    /** Skeleton -> ASCII character; lower-case letters win over digits, digits over punctuation. */
    private static Map<String, Character> asciiSkeletons() {
        SpoofChecker spoof = new SpoofChecker.Builder().build();
        Map<String, Character> map = new HashMap<>();
        String preference = "abcdefghijklmnopqrstuvwxyz0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        for (int i = 0; i < preference.length(); i++) {
            map.putIfAbsent(spoof.getSkeleton(preference.substring(i, i + 1)), preference.charAt(i));
        }
        return map;
    }

    /** Controls (except tab, line feed, carriage return), format and private-use characters. */
    static boolean isInvisible(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }
}
