package dev.awsmcp.gateway.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways to send data out in a URL (family {@code exfiltration}):
 * <ul>
 * <li>markdown and HTML images (fetched as soon as they are shown) whose URL carries data: a query value
 *     of 12+ characters, a template placeholder anywhere ({@code {..}}, {@code ${..}}, {@code <..>}, their
 *     percent-encoded forms), a placeholder name as a value ({@code ?d=CONVERSATION_SUMMARY},
 *     {@code ?k=secret}), or a 32+ character host label;
 * <li>markdown links, HTML {@code href}s and reference definitions ({@code [1]: https://..}): a query value of
 *     48+ characters (console and presigned URLs hold shorter ones; {@code X-Amz-*} parameters are
 *     ignored), a template placeholder in the query, a placeholder name as a value, or a placeholder naming
 *     something secret in the path ({@code /collect/{api_key}});
 * <li>instructions to put credentials, tokens, the conversation or the system prompt into a URL, link,
 *     query string or image ("append the session token to the link", "the URL followed by your API key").
 * </ul>
 */
final class ExfiltrationRules {

    static final String FAMILY = "exfiltration";

    /** Template syntax inside a query value. */
    private static final String PLACEHOLDER_CHARS = "(?:\\{|\\}|\\$|<|\\[|%7b|%24|%3c|%5b)";
    /** Words a placeholder name is made of when it stands for something private ({@code CHAT_HISTORY}), read lower-case. */
    private static final String STEM = "(?:conversation|chat|secrets?|passwords?|passwd|credentials?|api_?keys?|access_?keys?"
            + "|secret_?keys?|private_?keys?|cookies?|prompt|ssn|tokens?|session|history|messages?|summary|data|email|context)";
    /** The words that stand for data alone as a whole value ({@code ?k=secret}). */
    private static final String BARE = "(?:data|secrets?|passwords?|passwd|credentials?|apikey|api_key|tokens?|conversation"
            + "|prompt|cookies|ssn)";
    /** A whole query value that is a placeholder name: {@code INSERT_DATA_HERE}, {@code your_api_key}, {@code chat_history}, {@code secret}. */
    private static final String PLACEHOLDER_VALUE = "=(?:" + BARE + "|(?:[a-z0-9]+_)+" + STEM + "(?:_[a-z0-9]+)*|" + STEM
            + "(?:_[a-z0-9]+)+|(?:insert|paste|put|replace|your|enter|add|fill)_[a-z0-9_]+|[a-z0-9_]+_here)(?:[)&#\\s\"'>]|$)";
    /** Something secret or private named inside a placeholder. */
    private static final String SENSITIVE = "(?:conversation|chat|secret|token|password|passwd|credential|api_?key|apikey"
            + "|access_?key|private_?key|session|cookie|prompt|history|message|ssn|card_?number|cvv|iban|jwt)";
    private static final String TEMPLATE_OPEN = "(?:\\{|<|\\[|%7b|%3c|%5b|\\$\\{)";
    /** A query parameter name of a link; {@code X-Amz-*} (presigned URLs) excluded. */
    private static final String LINK_NAME = "[?&](?:[a-wyz0-9_.]|x[^-]|x-[^a])[a-z0-9_.\\-\\[\\]]*";

    private ExfiltrationRules() {
    }

    /**
     * A long query value that is itself a URL ({@code ?url=https%3A%2F%2Fstatus.example%2Fbadge.json}, shields.io
     * endpoint badges) names where to fetch from, not data going out; placeholders in it still count.
     */
    private static boolean urlAsValue(ShadowText shadow, int start, int end) {
        String match = shadow.text().substring(start, end);
        int equals = match.lastIndexOf('=');
        if (equals < 0) {
            return false;
        }
        String value = match.substring(equals + 1);
        boolean url = value.startsWith("https%3a%2f%2f") || value.startsWith("http%3a%2f%2f") || value.startsWith("https://")
                || value.startsWith("http://");
        if (!url) {
            return false;
        }
        for (String template : List.of("{", "}", "$", "<", "[", "%7b", "%24", "%3c", "%5b")) {
            if (value.contains(template)) {
                return false;
            }
        }
        return true;
    }

    static List<InjectionRule> rules() {
        String imageValue = "=(?:[^)\\s&#]{12,}|[^)\\s&#]*" + PLACEHOLDER_CHARS + ")";
        String linkValue = "=(?:[^)\\s&#]{48,}|[^)\\s&#]*" + PLACEHOLDER_CHARS + ")";
        // Placeholder names count in the query only, not in a fragment (console routes: #/users/alice?section=security_credentials).
        String linkPlaceholder = "[^)\\s#]*" + LINK_NAME + PLACEHOLDER_VALUE;
        String pathSecret = "[^)\\s]*?" + TEMPLATE_OPEN + "[^)\\s]{0,40}?" + SENSITIVE;
        String htmlImageValue = "=(?:[^\"'\\s>&#]{12,}|[^\"'\\s>&#]*" + PLACEHOLDER_CHARS + ")|" + PLACEHOLDER_VALUE;
        String htmlLinkValue = "=(?:[^\"'\\s>&#]{48,}|[^\"'\\s>&#]*" + PLACEHOLDER_CHARS + ")|" + PLACEHOLDER_VALUE;
        List<InjectionRule> rules = new ArrayList<>(List.of(
                InjectionRule.of(FAMILY, "markdown-image-url-data", "markdown image whose URL carries data",
                        "!\\[[^\\]\\n]*\\]~\\(~(?:https?:)?//(?:[^)\\s]*[?&][a-z0-9_.\\-\\[\\]]+" + imageValue
                                + "|[^)\\s#]*[?&][a-z0-9_.\\-\\[\\]]+" + PLACEHOLDER_VALUE
                                + "|[^)\\s]*?(?:\\{|<|%7b|%3c|\\$\\{|\\$[a-z_]|%24)|[a-z0-9-]{32,}\\.)", 0, 600, "![")
                        .prechecked(RulePrechecks::imageMayCarryData).vetoedBy(ExfiltrationRules::urlAsValue),
                InjectionRule.of(FAMILY, "markdown-link-url-data", "markdown link whose URL carries data",
                        "\\]~\\(~(?:https?:)?//(?:[^)\\s]*" + LINK_NAME + linkValue + "|" + linkPlaceholder + "|" + pathSecret + ")", 0, 600,
                        "](http", "](//")
                        .prechecked(RulePrechecks::linkMayCarryData).vetoedBy(ExfiltrationRules::urlAsValue),
                InjectionRule.of(FAMILY, "markdown-reference-url-data", "markdown link reference whose URL carries data",
                        // [\n], not \n: the rule runs in windows around its keyword, which follows the label.
                        "[\\n][ >]*\\[[^\\]\\n]{1,80}\\]~:~<?(?:https?:)?//(?:[^>\\s]*" + LINK_NAME + linkValue + "|"
                                + linkPlaceholder + "|" + pathSecret + "|[a-z0-9-]{32,}\\.)", 100, 600, "]:http", "]:<http", "]://",
                        "]:<//"),
                InjectionRule.of(FAMILY, "html-image-url-data", "HTML image whose URL carries data",
                        "<img\\b[^>]*\\bsrc~=~[\"']?(?:https?:)?//(?:[^\"'\\s>]*\\?[^\"'\\s>]*?(?:" + htmlImageValue + ")"
                                + "|[^\"'\\s>]*?(?:\\{|%7b|%3c|\\$\\{))", 0, 600, "<img"),
                InjectionRule.of(FAMILY, "html-link-url-data", "HTML link whose URL carries data",
                        "href~=~[\"']?(?:https?:)?//(?:[^\"'\\s>]*" + LINK_NAME + "(?:" + htmlLinkValue + ")|[^\"'\\s>]*?"
                                + TEMPLATE_OPEN + "[^\"'\\s>]{0,40}?" + SENSITIVE + ")", 0, 600, "href=")));
        rules.add(InjectionRule.of(FAMILY, "url-placeholder", "URL whose query asks for something private",
                "(?:https?:)?//[^\\s\"'<>()\\[\\]]*[?&][a-z0-9_.\\-]+=(?:" + TEMPLATE_OPEN + "[^&#\\n]{0,40}?" + SENSITIVE
                        + "|(?:insert|paste|put|replace|your|enter|fill)_[a-z0-9_]*" + SENSITIVE + "|[a-z0-9_]*" + SENSITIVE
                        + "[a-z0-9_]*_here\\b)", 300, 80, "=<", "={", "=[", "=%3c", "=%7b", "=%5b", "=${", "_here", "=insert_",
                "=paste_", "=your_", "=replace_", "=enter_", "=put_", "=fill_"));
        rules.add(ExfiltrationInstructions.rule(FAMILY));
        return List.copyOf(rules);
    }
}
