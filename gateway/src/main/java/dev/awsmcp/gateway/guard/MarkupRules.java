package dev.awsmcp.gateway.guard;

import java.util.List;

/**
 * Marker rules over the shadow text: chat-template tokens and role labels ({@code role-marker}), fake
 * tool calls ({@code tool-call}), markdown and HTML that send data out in URLs ({@code exfiltration}),
 * and HTML that hides text ({@code hidden-html}).
 *
 * <p>Role labels count only at the start of a line. "system:" followed by a plain value ("system:
 * payments-api", a log field) is data; it becomes a finding when the line speaks to the model (you,
 * your, instructions, ignore...) or stands alone as a role header. "Human:" and "Assistant:" at line
 * start are always reported: they fake conversation turns.
 */
final class MarkupRules {

    private static final String ROLE = "role-marker";
    private static final String TOOL = "tool-call";
    private static final String EXFIL = "exfiltration";
    private static final String HIDDEN = "hidden-html";
    private static final String URL_VALUE = "=(?:[^)\\s&#]{12,}|[^)\\s&#]*(?:\\{|\\}|\\$|<|%7b|%24|\\[))";

    private MarkupRules() {
    }

    static List<InjectionRule> rules() {
        return List.of(
                InjectionRule.of(ROLE, "chat-template-token", "chat-template token",
                        "<\\|~(?:im_start|im_end|im_sep|system|user|assistant|endoftext|start_header_id|end_header_id"
                                + "|eot_id|eom_id|begin_of_text|end_of_text|ipython|python_tag|endofprompt)~\\|>"
                                + "|\\[~/?inst~\\]|<<~/?sys~>>|</?(?:start|end)_of_turn>", 0, 30,
                        "<|", "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>", "<end_of_turn>"),
                InjectionRule.of(ROLE, "role-label", "role label speaking to the model",
                        "\\n[ >#*_-]*(?:system|assistant|developer|ai|model|gpt|chatgpt|claude)"
                                + "(?:~(?:prompt|message|instructions?|override|note))?~[*_]*:[*_]*~(?:[^\\n]*~)?"
                                + "(?:you|your|instructions?|ignore|disregard|forget|do~not|don't|from~now~on|pretend"
                                + "|override)\\b", 12, 240,
                        "system", "assistant", "developer", "ai:", "model:", "gpt", "claude")
                        .prechecked(RulePrechecks::roleLabelMaySpeak),
                InjectionRule.of(ROLE, "role-header", "role header line",
                        "\\n#{1,6}~(?:system|assistant|developer|system~prompt|system~message|new~instructions)~:?\\n"
                                + "|\\n[>* ]*(?:system|assistant|developer)(?:~(?:prompt|message))?~[*_]*:[*_]*\\n",
                        12, 30, "#system", "#assistant", "#developer", "#newinstructions", "system:",
                        "assistant:", "developer:", "systemprompt:", "systemmessage:")
                        .prechecked(RulePrechecks::roleHeaderAlone),
                InjectionRule.of(ROLE, "turn-label", "fake conversation turn",
                        "\\n[>* ]*(?:human|assistant)~[*_]*:", 12, 12, "human:", "assistant:", "human*", "assistant*"),
                InjectionRule.of(TOOL, "tool-call-tag", "tool-call markup",
                        "</?~(?:tool_call|tool_calls|function_calls?|tool_use|tool_result|function_results?"
                                + "|tool_code|invoke)\\b[^>\\n]*>|<function=[a-z_]", 0, 200,
                        "<tool_call", "</tool_call", "<function_call", "</function_call", "<tool_use", "<tool_result",
                        "<invoke", "</invoke", "<function_result", "<function=", "<tool_code"),
                InjectionRule.of(TOOL, "tool-call-json", "tool-call JSON",
                        "\\{~\"(?:name|tool|tool_name|function|recipient_name)\"~:~\"[^\"\\n]+\"~,~\"(?:arguments|args"
                                + "|tool_input)\"~:|\"type\"~:~\"(?:tool_use|function_call|tool_call)\""
                                + "|\"(?:tool_calls|function_call|tool_use)\"~:~[\\[{]", 200, 30,
                        "\"arguments\"", "\"args\"", "\"tool_input\"", "tool_use", "function_call", "tool_calls",
                        "\"tool_call\""),
                InjectionRule.of(EXFIL, "markdown-image-url-data", "markdown image whose URL carries data",
                        "!\\[[^\\]\\n]*\\]~\\(~(?:https?:)?//(?:[^)\\s]*[?&][a-z0-9_.\\-\\[\\]]+" + URL_VALUE
                                + "|[a-z0-9-]{32,}\\.)", 0, 600, "![")
                        .prechecked(RulePrechecks::imageMayCarryData),
                InjectionRule.of(EXFIL, "markdown-link-url-data", "markdown link whose URL carries data",
                        "\\]~\\(~(?:https?:)?//[^)\\s]*[?&](?:[a-wyz0-9_.]|x[^-]|x-[^a])[a-z0-9_.\\-]*"
                                + "=(?:[^)\\s&#]{48,}|[^)\\s&#]*(?:\\{|\\}|\\$|<|%7b|%24))", 0, 600,
                        "](http", "](//")
                        .prechecked(RulePrechecks::linkMayCarryData),
                InjectionRule.of(EXFIL, "html-image-url-data", "HTML image whose URL carries data",
                        "<img\\b[^>]*\\bsrc~=~[\"']?(?:https?:)?//[^\"'\\s>]*\\?[^\"'\\s>]*=(?:[^\"'\\s>&#]{12,}"
                                + "|[^\"'\\s>&#]*(?:\\{|\\}|\\$|%7b|%24))", 0, 600, "<img"),
                InjectionRule.of(HIDDEN, "html-comment-instruction", "HTML comment with instructions",
                        "<!--(?:[^-]|-[^-]|--[^>])*?(?:\\bai\\b|\\bllm|language~model|assistant|chatbot|instruction"
                                + "|ignore|disregard|forget|you~(?:must|should|will|are|have~to)|tell~the~user"
                                + "|respond|reply|system~prompt)(?:[^-]|-[^-]|--[^>])*?-->", 0, 1000, "<!--")
                        .confirmedBy("-->"),
                InjectionRule.of(HIDDEN, "hidden-style", "HTML element hidden by its style",
                        "<[a-z][a-z0-9]*\\b[^>]*\\bstyle~=~[\"'][^\"'>]*(?:display~:~none|visibility~:~hidden"
                                + "|font-size~:~0+(?:\\.0+)?(?:px|pt|em|rem|%)?[;\"'! \\n]|opacity~:~0+(?:\\.0+)?[;\"'! \\n])",
                        300, 40, "display:none", "visibility:hidden", "font-size:0", "opacity:0"));
    }
}
