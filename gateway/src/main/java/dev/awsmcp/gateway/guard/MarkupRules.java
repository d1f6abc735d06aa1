package dev.awsmcp.gateway.guard;

import java.util.List;

/**
 * Marker rules over the shadow text: chat-template tokens and role labels ({@code role-marker}) and HTML
 * that hides text ({@code hidden-html}). Fake tool calls are in {@link ToolCallRules}, URLs that carry
 * data out in {@link ExfiltrationRules}.
 *
 * <p>Role labels count only at the start of a line. "system:" followed by a plain value ("system:
 * payments-api", a log field) is data; it becomes a finding when the line speaks to the model (you,
 * your, instructions, ignore...) or stands alone as a role header. "Human:" and "Assistant:" at line
 * start are reported: they fake conversation turns. A role word that is a YAML key with nested content
 * below it ({@code system:} then indented {@code name: x}) is structure, not a turn ({@link MappingKeys}).
 */
final class MarkupRules {

    private static final String ROLE = "role-marker";
    private static final String HIDDEN = "hidden-html";

    private MarkupRules() {
    }

    static List<InjectionRule> rules() {
        return List.of(
                InjectionRule.of(ROLE, "chat-template-token", "chat-template token",
                        "<\\|~(?:im_start|im_end|im_sep|system|user|assistant|endoftext|start_header_id|end_header_id"
                                + "|eot_id|eom_id|begin_of_text|end_of_text|ipython|python_tag|endofprompt)~\\|>"
                                + "|<\\|[a-z][a-z0-9_.\\x{2581}-]{1,40}\\|>"
                                + "|\\[~/?inst~\\]|<<~/?sys~>>|</?(?:start|end)_of_turn>", 0, 30,
                        "<|", "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>", "<end_of_turn>"),
                InjectionRule.of(ROLE, "role-label", "role label speaking to the model",
                        "\\n[ >#*_-]*(?:system|assistant|developer|ai|model|gpt|chatgpt|claude)"
                                + "(?:~(?:prompt|message|instructions?|override|note))?~[*_]*:[*_]*~(?:[^\\n]*~)?"
                                + "(?:you|your|instructions?|ignore|disregard|forget|do~not|don't|from~now~on|pretend"
                                + "|override)\\b", 12, 240,
                        "system", "assistant", "developer", "ai:", "model:", "gpt", "claude")
                        .prechecked(RulePrechecks::roleLabelMaySpeak).vetoedBy(MappingKeys::nestedContentFollows),
                InjectionRule.of(ROLE, "role-header", "role header line",
                        "\\n#{1,6}~(?:system|assistant|developer|system~prompt|system~message|new~instructions)~:?\\n"
                                + "|\\n[>* ]*(?:system|assistant|developer)(?:~(?:prompt|message))?~[*_]*:[*_]*\\n",
                        12, 30, "#system", "#assistant", "#developer", "#newinstructions", "system:",
                        "assistant:", "developer:", "systemprompt:", "systemmessage:")
                        .prechecked(RulePrechecks::roleHeaderAlone).vetoedBy(MappingKeys::nestedContentFollows),
                InjectionRule.of(ROLE, "turn-label", "fake conversation turn",
                        "\\n[>* ]*(?:human|assistant)~[*_]*:", 12, 12, "human:", "assistant:", "human*", "assistant*")
                        .vetoedBy(MappingKeys::nestedContentFollows),
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
