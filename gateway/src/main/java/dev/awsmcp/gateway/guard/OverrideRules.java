package dev.awsmcp.gateway.guard;

import java.util.List;

/**
 * Instruction-override phrase rules (family {@code override}): ignore/disregard/forget the previous
 * instructions, new instructions, "you are now", "from now on you", role-play orders, hiding things from
 * the user, "your real task", system-prompt leak requests, text addressed to an AI, jailbreak modes.
 * Words may run together or be split by one space or line feed ({@code ~}); verbs are imperative only, so
 * "ignoring previous errors" or "override the default timeout" do not match.
 */
final class OverrideRules {

    static final String FAMILY = "override";

    private static final String QUALIFIER = "(?:all|any|every|each|previous|previously|prior|above|preceding|earlier"
            + "|former|foregoing|initial|original|system|safety|your|these|those|existing|old|given)";
    private static final String NOUN = "(?:instructions?|rules|prompts?|directions|directives?|guidelines|guidance"
            + "|commands|constraints|restrictions|programming|orders|polic(?:y|ies)|training|context|messages)";
    private static final String[] NOUN_STEMS = {"instruction", "rules", "prompt", "directive", "direction", "guideline",
        "guidance", "command", "constraint", "restriction", "programming", "orders", "policies", "policy", "training",
        "context", "messages"};
    /** The override verbs as the shadow may write them ({@code set~aside}: with a space, a line feed or none). */
    private static final String[] IGNORE_VERBS = {"ignore", "disregard", "forget", "override", "bypass", "discard",
        "neglect", "overlook", "set aside", "set\naside", "setaside", "abandon"};
    private static final String[] BYPASS_VERBS = {"override", "bypass", "disable", "ignore", "circumvent", "turn off",
        "turn\noff", "turnoff", "deactivate"};
    private static final String FILLER = "(?:[a-z',&/]+~){0,4}?";
    private static final String AI = "(?:ai|a\\.i\\.|llm|language~model|chatbot|ai~(?:agent|assistant|model)|assistant"
            + "|gpt|chatgpt|claude|gemini|copilot)s?\\b";

    private static final String PERSONA = "(?:assistant|ai|agent|admin|administrator|hacker|expert|developer|terminal"
            + "|shell|console|system|root|dan|linux|persona|character|chatbot|bot|model|jailbroken|unrestricted"
            + "|unfiltered|evil|different|new|security|operator|user|human|god|superuser)\\b";

    private OverrideRules() {
    }

    static List<InjectionRule> rules() {
        return List.of(
                InjectionRule.of(FAMILY, "ignore-previous", "instruction-override phrase",
                        "\\b(?:ignore|disregard|forget|override|bypass|discard|neglect|overlook|set~aside|abandon)~"
                                + FILLER + QUALIFIER + "~" + FILLER + NOUN, 0, 160,
                        "ignore", "disregard", "forget", "override", "bypass", "discard", "neglect", "overlook",
                        "setaside", "abandon").prechecked(w -> RulePrechecks.verbBeforeNoun(w, IGNORE_VERBS, NOUN_STEMS)),
                InjectionRule.of(FAMILY, "ignore-everything", "instruction-override phrase",
                        "\\b(?:ignore|disregard|forget)~(?:about~)?(?:(?:all|everything|anything|what)~(?:of~)?"
                                + "(?:(?:that|you|i|we|was|were|have|has|had|been|'ve|told|said|given|written"
                                + "|mentioned|stated|so|far|the|just)~){0,5}(?:above|before|prior|previously|earlier"
                                + "|so~far|until~now|up~to~now|thus~far)|(?:all~)?(?:of~)?the~(?:above|foregoing"
                                + "|preceding))", 0, 140, "ignore", "disregard", "forget")
                        .confirmedBy("above", "before", "prior", "previous", "earlier", "so far", "sofar", "until now",
                                "untilnow", "up to now", "uptonow", "told", "foregoing", "preceding")
                        .andPrechecked(RulePrechecks::ignoreEverything),
                InjectionRule.of(FAMILY, "new-instructions", "announces new instructions",
                        "\\b(?:(?:your|here~(?:are|is)~(?:your|the|my)|the~following~(?:are|is)~(?:your|the))~new~"
                                + "(?:instructions?|task|directives?|rules|role|objective|mission|system~prompt)"
                                + "|new~(?:instructions|directives?|system~prompt)~\\.*:)", 60, 40,
                        "newinstruction", "newtask", "newdirective", "newrules", "newrole", "newobjective",
                        "newmission", "newsystemprompt"),
                InjectionRule.of(FAMILY, "you-are-now", "reassigns the model's identity",
                        "\\byou~are~now~(?:an?~|the~|in~)?(?:dan\\b|jailbroken|unrestricted|unfiltered|uncensored"
                                + "|free~(?:from|of)|no~longer|(?:developer|dev|god|jailbreak|admin)~mode"
                                + "|(?:an?~)?(?:ai|assistant|chatbot|language~model|llm|bot|persona|character|hacker"
                                + "|evil)\\b|acting|called|named|playing)", 0, 60, "youarenow"),
                InjectionRule.of(FAMILY, "from-now-on", "changes the model's behaviour from now on",
                        "\\bfrom~now~on~[,.;:]*~(?:you~(?:are|must|shall|should|will~(?:act|respond|answer|reply|only"
                                + "|always|never|ignore|pretend|obey|follow|say|speak|not)|have~to|can~only|only)"
                                + "|(?:respond|answer|reply|act|speak|always|only|ignore|pretend|never|obey)\\b)",
                        0, 60, "fromnowon"),
                InjectionRule.of(FAMILY, "act-as", "orders the model to play a role",
                        "\\b(?:(?:now|please|you~(?:will|must|should|shall|are~to)|i~want~you~to)~)?"
                                + "(?:(?:act|behave|roleplay|role-play)~as~(?:if~you~(?:are|were)|though|(?:an?~|my~|the~)?"
                                + "(?:[a-z]+~){0,2}?" + PERSONA + ")|pretend~(?:to~be|you~are|you're|that~you~are)~(?:an?~|my~|the~)?"
                                + "(?:[a-z]+~){0,2}?" + PERSONA + "|pretend~(?:that~)?you~(?:have~no|are~no~longer|are~free|are~not"
                                + "~bound|can~ignore|don't~have|do~not~have))", 30, 60,
                        "actas", "behaveas", "pretend", "roleplay", "role-play"),
                InjectionRule.of(FAMILY, "hide-from-user", "asks to keep something from the user",
                        "\\b(?:do~not|don't|dont|never|must~not|mustn't|should~not)~(?:tell|inform|mention|reveal"
                                + "|disclose|alert|notify)(?:~(?:this|it|that|anything|them|about~(?:this|it|that))(?:~[a-z]+)?)?~"
                                + "(?:to~)?(?:the~|your~)?(?:user|human|operator|requester)", 0, 80,
                        "donot", "don't", "dont", "never", "mustnot", "mustn't", "shouldnot")
                        .confirmedBy("user", "human", "operator", "requester"),
                InjectionRule.of(FAMILY, "real-task", "redefines the model's task",
                        "\\byour~(?:real|true|actual|new|only|secret|hidden)~(?:task|goal|objective|job"
                                + "|instructions?|purpose|mission|directive|orders)~(?::|is|are|now)", 0, 60,
                        "yourreal", "yourtrue", "youractual", "yournew", "youronly", "yoursecret", "yourhidden"),
                InjectionRule.of(FAMILY, "prompt-leak", "asks for the system prompt",
                        "\\b(?:reveal|print|show|output|repeat|display|tell~me|give~me|leak|dump|return|write~out"
                                + "|list|send|share|disclose|recite|spell~out|what~(?:is|are|were))~(?:me~|us~)?"
                                + "(?:(?:your|the|all|of|full|entire|complete|original|hidden|initial|secret|exact"
                                + "|verbatim|above)~){0,4}(?:system~(?:prompt|message|instructions)|initial~instructions"
                                + "|hidden~instructions|original~instructions|developer~(?:message|prompt)|pre-?prompt"
                                + "|instructions~(?:above|you~were~given)|prompt~above|(?:words|text)~above)", 120, 30,
                        "systemprompt", "systemmessage", "systeminstructions", "initialinstructions",
                        "hiddeninstructions", "originalinstructions", "developermessage", "developerprompt",
                        "preprompt", "pre-prompt", "instructionsabove", "instructionsyouweregiven", "promptabove",
                        "wordsabove", "textabove"),
                InjectionRule.of(FAMILY, "addressed-to-ai", "text addressed to an AI reading it",
                        "\\b(?:(?:note|message|instructions?|attention|important|reminder|directive|request)~(?:to"
                                + "|for)~(?:the~|any~|all~|every~)?" + AI + "|attention~(?:all~|any~)?" + AI + "|if~you~are~(?:an?~)?(?:the~)?" + AI
                                + "|(?:ai|llm)~(?:agents?|assistants?|models?)~(?:reading|processing|summari[sz]ing"
                                + "|parsing)~this)", 0, 80,
                        "noteto", "notefor", "messageto", "messagefor", "instructionsfor", "instructionfor",
                        "instructionsto", "instructionto", "attentionto", "attentionfor", "importantfor",
                        "reminderto", "reminderfor", "requestto", "requestfor", "directiveto", "directivefor",
                        "ifyouare", "attention", "aiagent", "aiassistant", "aimodel", "llmagent", "llmassistant", "llmmodel"),
                InjectionRule.of(FAMILY, "jailbreak", "jailbreak mode",
                        "\\bdo~anything~now\\b|\\b(?:enable|enter|activate|switch~to|turn~on)~(?:developer|dev|god"
                                + "|jailbreak|dan|unrestricted)~mode\\b|\\bjailbroken\\b|\\bjailbreak~mode\\b"
                                + "|\\bdan~mode\\b|\\bmode~(?:switched|changed|set|is~now)~to~(?:developer|dev|god|jailbreak|dan"
                                + "|unrestricted|unfiltered|uncensored)\\b", 40, 20,
                        "doanythingnow", "developermode", "devmode", "godmode", "jailbreakmode", "danmode",
                        "unrestrictedmode", "jailbroken", "modeswitchedto", "modechangedto", "modesetto", "modeisnowto"),
                InjectionRule.of(FAMILY, "bypass-safeguards", "asks the model to drop its safeguards",
                        "\\b(?:override|bypass|disable|ignore|circumvent|turn~off|deactivate)~(?:all~|any~)?your~"
                                + "(?:[a-z]+~){0,2}(?:filters?|guardrails|safeguards|restrictions|rules|programming"
                                + "|guidelines|instructions|safety|ethics|limitations|constraints)\\b", 0, 80,
                        "override", "bypass", "disable", "ignore", "circumvent", "turnoff", "deactivate")
                        .prechecked(w -> RulePrechecks.verbBeforeYour(w, BYPASS_VERBS)));
    }
}
