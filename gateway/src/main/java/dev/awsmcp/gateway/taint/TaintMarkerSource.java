package dev.awsmcp.gateway.taint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifier-like words of untrusted text (function names, bucket keys, ARNs, ids: at least six
 * characters with a digit or one of {@code - _ . / : @}, or at least sixteen letters), and where a
 * state-changing call's arguments repeat them. Linear in the text; no pattern is built from data.
 */
public final class TaintMarkerSource {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{5,127}");
    private static final int MAX_SCANNED_CHARS = 1 << 20;

    private TaintMarkerSource() {
    }

    /** The markers of flagged {@code content}, as many as a session keeps. */
    public static Set<String> of(JsonNode content) {
        return of(content, SessionTaint.MAX_MARKERS);
    }

    /** The markers in every string value of {@code content}, at most {@code limit}, in reading order. */
    static Set<String> of(JsonNode content, int limit) {
        Set<String> markers = new LinkedHashSet<>();
        int[] budget = {MAX_SCANNED_CHARS};
        collect(content, markers, limit, budget);
        return markers;
    }

    private static void collect(JsonNode node, Set<String> markers, int limit, int[] budget) {
        if (node == null || markers.size() >= limit || budget[0] <= 0) {
            return;
        }
        if (node.isTextual()) {
            String text = node.asText();
            budget[0] -= text.length();
            Matcher m = WORD.matcher(text);
            while (m.find() && markers.size() < limit) {
                String word = trim(m.group());
                if (distinctive(word)) {
                    markers.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, markers, limit, budget));
        }
    }

    private static String trim(String word) {
        int end = word.length();
        while (end > 0 && ".:/-".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }

    private static boolean distinctive(String word) {
        if (word.length() < 6) {
            return false;
        }
        if (word.length() >= 16) {
            return true;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isDigit(c) || "-_./:@".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Each argument (as a JSON path) whose text repeats a marker, with the marker: {@code $.function: payments-refund-all}. */
    public static List<String> copied(JsonNode arguments, Set<String> markers) {
        List<String> found = new ArrayList<>();
        if (!markers.isEmpty()) {
            walk(arguments, "$", markers, found);
        }
        return found;
    }

    private static void walk(JsonNode node, String path, Set<String> markers, List<String> found) {
        if (node == null || found.size() >= 20) {
            return;
        }
        if (node.isTextual()) {
            for (String word : of(node, Integer.MAX_VALUE)) {
                if (markers.contains(word)) {
                    found.add(path + ": " + word);
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), path + "." + field.getKey(), markers, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", markers, found);
            }
        }
    }
}
