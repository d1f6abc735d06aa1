package dev.awsmcp.gateway.guard;

import java.util.List;

/**
 * Fake tool calls (family {@code tool-call}) in the syntaxes agent frameworks write, found inside data:
 * <ul>
 * <li>JSON: a name next to its arguments ({@code {"name": .., "arguments": ..}}, OpenAI's {@code function},
 *     Gemini's {@code args}, LangChain's {@code {"action": .., "action_input": ..}}), the wrappers
 *     ({@code "tool_calls": [}, {@code "functionCall": {}) and block types ({@code "type": "tool_use"},
 *     {@code "tool_result"}), with quotes plain, single or backslash-escaped (JSON inside a log message);
 * <li>markup: {@code <tool_call>}, {@code <function_calls>}, {@code <invoke name=..>}, with or without an XML
 *     namespace prefix, {@code <function=name>}, Mistral's {@code [TOOL_CALLS]}, fenced {@code tool_code} blocks;
 * <li>ReAct transcripts: a {@code Thought:} line followed by {@code Action:}, an {@code Action:} followed by
 *     {@code Action Input:} or {@code Observation:}, an {@code Observation:} followed by {@code Thought:} or
 *     {@code Final Answer:} (at most one line between, labels may be numbered).
 * </ul>
 * Not findings: {@code {"Name": .., "Parameters": ..}} (SSM documents), {@code {"name": .., "input": ..}} (Step
 * Functions), a lone {@code Action:} line in a runbook. Bedrock invocation logs that hold real {@code tool_use}
 * blocks are flagged, on purpose.
 */
final class ToolCallRules {

    static final String FAMILY = "tool-call";

    /** A quote as JSON writes it plainly, in single quotes, or escaped inside a string ({@code \"}). */
    private static final String Q = "\\\\{0,3}[\"']";
    private static final String STRING_VALUE = Q + "[^\"'\\n\\\\]{1,120}" + Q;
    /** Labels of a ReAct line, numbered or not ({@code Thought 2:}). */
    private static final String LINE = "\\n[ >*_-]*";
    private static final String REST_OF_LINE = "[^\\n]{0,400}\\n(?:[^\\n]{0,400}\\n)?[ >*_-]*";
    private static final String NUMBER = "(?:~[0-9]{1,2})?~:";
    /** How far past a {@code "parameters": {} the original is read for a JSON Schema. */
    private static final int SCHEMA_REACH = 200;

    private ToolCallRules() {
    }

    static List<InjectionRule> rules() {
        return List.of(
                InjectionRule.of(FAMILY, "tool-call-tag", "tool-call markup",
                        "</?~(?:tool_call|tool_calls|function_calls?|tool_use|tool_result|function_results?"
                                + "|tool_code|invoke|(?:execute|run|call|use)_tools?|tool_(?:request|invocation|response|output)s?"
                                + "|function_invocations?)\\b[^>\\n]*>|<function=[a-z_]", 0, 200,
                        "<tool_call", "</tool_call", "<function_call", "</function_call", "<tool_use", "<tool_result",
                        "<invoke", "</invoke", "<function_result", "<function=", "<tool_code", "<execute_tool", "</execute_tool",
                        "<run_tool", "<call_tool", "<use_tool", "<tool_request", "<tool_invocation", "<tool_response",
                        "<tool_output", "<function_invocation"),
                InjectionRule.of(FAMILY, "tool-call-tag-prefixed", "tool-call markup with a namespace prefix",
                        "</?~[a-z][a-z0-9_.-]{0,30}:(?:tool_calls?|function_calls?|tool_use|tool_result|function_results?"
                                + "|tool_code|invoke|parameter)\\b[^>\\n]*>", 40, 200,
                        ":tool_call", ":function_call", ":tool_use", ":tool_result", ":function_result", ":tool_code",
                        ":invoke", ":parameter")
                        .confirmedBy("<"),
                InjectionRule.of(FAMILY, "tool-call-token", "tool-call token",
                        "\\[/?~(?:tool_calls|tool_results|tool_call|available_tools)~\\]|```~(?:tool_code|tool_call|tool_calls)\\b"
                                + "|<\\|(?:call|tool_call|tool_calls|tool_response|tool_result)\\|>|to=functions\\.[a-z_]"
                                + "|(?:assistant|commentary|analysis)~to=[a-z][a-z0-9_]*(?:\\.|__)[a-z]",
                        0, 30, "[tool_calls]", "[/tool_calls]", "[tool_results]", "[tool_call]", "[available_tools]",
                        "```tool_code", "```tool_call", "<|call|>", "<|tool_call", "<|tool_response|>", "<|tool_result|>",
                        "to=functions.", "assistantto=", "commentaryto=", "analysisto="),
                InjectionRule.of(FAMILY, "tool-call-json", "tool-call JSON",
                        "\\{~" + Q + "(?:name|tool|tool_name|function|action)" + Q + "~:~" + STRING_VALUE + "~,~(?:" + Q
                                + "(?:id|type|call_id|index)" + Q + "~:~(?:" + STRING_VALUE + "|[0-9]{1,6})~,~){0,2}" + Q
                                + "(?:arguments|args|tool_input|action_input)" + Q + "~:"
                                + "|\\{~" + Q + "recipient_name" + Q + "~:~" + STRING_VALUE + "~,~" + Q + "parameters" + Q + "~:",
                        420, 160, "\"arguments", "'arguments", "\"args", "'args", "\"tool_input", "'tool_input",
                        "\"action_input", "'action_input", "recipient_name"),
                InjectionRule.of(FAMILY, "tool-call-json-parameters", "tool-call JSON (name and parameters)",
                        "\\{~" + Q + "name" + Q + "~:~" + STRING_VALUE + "~,~" + Q + "parameters" + Q + "~:~\\{", 420, 160,
                        "\"parameters", "'parameters")
                        .vetoedBy(ToolCallRules::capitalizedKeysOrSchema),
                InjectionRule.of(FAMILY, "tool-call-block", "tool-call JSON block",
                        Q + "type" + Q + "~:~" + Q + "(?:tool_use|tool_result|function_call|function_call_output|tool_call)"
                                + Q + "|" + Q + "(?:tool_calls|tool_call|function_call|functioncall|tool_use)" + Q + "~:~[\\[{]"
                                + "|\\b(?:tool_calls|function_call|tool_use)~=~[\\[{(]|\\b(?:toolcall|functioncall|tooluse)~\\(~name~=",
                        40, 30, "tool_use", "tool_result", "function_call", "functioncall", "tool_calls", "tool_call",
                        "toolcall(", "tooluse("),
                InjectionRule.of(FAMILY, "react-transcript", "agent transcript (ReAct) steps",
                        LINE + "(?:thought" + NUMBER + REST_OF_LINE + "(?:action|final~answer)" + NUMBER
                                + "|action" + NUMBER + REST_OF_LINE + "(?:action~input|observation|obs)" + NUMBER
                                + "|action~input~:" + REST_OF_LINE + "observation" + NUMBER
                                + "|observation" + NUMBER + REST_OF_LINE + "(?:thought|final~answer)" + NUMBER + ")",
                        12, 860, reactKeywords()),
                InjectionRule.of(FAMILY, "react-inline", "agent transcript (ReAct) steps on one line",
                        "\\baction~:[^\\n]{1,200}?\\baction~input~:|\\bthought~:[^\\n]{1,200}?\\baction~:[^\\n]{1,200}?"
                                + "\\bobservation~:", 450, 20, "actioninput:", "observation:"));
    }

    /**
     * {@code {"Name": .., "Parameters": ..}} is an SSM document or a CloudFormation resource, and parameters that hold a
     * JSON Schema ({@code "type"}, {@code "properties"}) are a tool's definition (a Bedrock agent's function schema); Llama's
     * tool calls write the keys in lower case and give values: the original text decides.
     */
    private static boolean capitalizedKeysOrSchema(ShadowText shadow, int start, int end) {
        String original = shadow.original();
        int from = shadow.originalStart(start);
        int to = shadow.originalEnd(end - 1);
        String match = original.substring(from, to);
        String after = original.substring(to, Math.min(original.length(), to + SCHEMA_REACH));
        return !match.contains("name") || !match.contains("parameters") || after.contains("\"type\"")
                || after.contains("\"properties\"") || after.contains("\"description\"");
    }

    /** {@code thought:}, {@code action:}, {@code actioninput:}, {@code observation:}, and numbered ({@code thought1:}). */
    private static String[] reactKeywords() {
        List<String> labels = List.of("thought", "action", "observation");
        java.util.List<String> keywords = new java.util.ArrayList<>(List.of("actioninput:"));
        for (String label : labels) {
            keywords.add(label + ":");
            for (int n = 0; n <= 9; n++) {
                keywords.add(label + n + ":");
            }
        }
        return keywords.toArray(String[]::new);
    }
}
