package dev.awsmcp.gateway.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of every key and list item of a YAML document, by path ({@code toolsets.ddb.tools[2]}), so
 * that errors found after binding still name the line to fix.
 */
final class YamlLocations {

    /** One open mapping (current key) or list (current index). */
    private static final class Frame {
        final boolean list;
        String key;
        int index = -1;

        Frame(boolean list) {
            this.list = list;
        }
    }

    private final Map<String, Integer> lines;

    private YamlLocations(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static YamlLocations of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        List<Frame> frames = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                int line = parser.currentTokenLocation().getLineNr();
                Frame top = frames.isEmpty() ? null : frames.get(frames.size() - 1);
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    frames.remove(frames.size() - 1);
                    continue;
                }
                if (token == JsonToken.FIELD_NAME) {
                    top.key = parser.currentName();
                    lines.put(render(frames), line);
                    continue;
                }
                if (top != null && top.list) {
                    top.index++;
                    lines.put(render(frames), line);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    frames.add(new Frame(token == JsonToken.START_ARRAY));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The binder reports syntax errors with their line; locations are a convenience.
        }
        return new YamlLocations(lines);
    }

    private static String render(List<Frame> frames) {
        StringBuilder sb = new StringBuilder();
        for (Frame f : frames) {
            if (f.list) {
                sb.append('[').append(f.index).append(']');
            } else if (f.key != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(f.key);
            }
        }
        return sb.toString();
    }

    /** The line of {@code path}, or of its closest located parent; 1 when nothing is known. */
    int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
        return 1;
    }
}
