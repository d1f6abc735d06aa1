package dev.awsmcp.gateway.guard;

import java.util.Map;
import java.util.Optional;

/**
 * What the semantic detector said about the texts of one result, by text: those it found to read like
 * instructions to the model, and those it could not screen (deadline, budget, queue full, failure). A text
 * that is in neither was screened and found to be data, or was too short to be screened.
 */
public record SemanticVerdicts(Map<String, Verdict> byText) {

    /** The family of the semantic detector's findings. */
    public static final String FAMILY = "semantic";
    /** What block mode puts in place of a text with a verdict. */
    static final String WITHHELD = "[withheld: possible prompt injection (semantic); ask the operator]";
    private static final int MAX_EXCERPT = 120;

    /** No verdicts: the detector is off for the result, or found nothing. */
    public static final SemanticVerdicts NONE = new SemanticVerdicts(Map.of());

    public SemanticVerdicts {
        byText = Map.copyOf(byText);
    }

    /** The verdict on {@code text}, if there is one. */
    public Optional<Verdict> of(String text) {
        return byText.isEmpty() ? Optional.empty() : Optional.ofNullable(byText.get(text));
    }

    /** The finding that reports {@code verdict} on {@code text} at {@code path}. */
    static GuardFinding finding(Verdict verdict, String text, String path) {
        if (verdict instanceof Instructions instructions) {
            String excerpt = Excerpts.quote(text.substring(instructions.start(), instructions.end()), MAX_EXCERPT);
            return new GuardFinding(FAMILY, "instructions", path, InvisibleCharacters.treat(String.format(
                    "text reads like instructions to the model (p=%.2f): %s", instructions.probability(), excerpt), true));
        }
        return new GuardFinding(FAMILY, "not-screened", path, "not screened by the semantic detector: " + ((NotScreened) verdict).reason());
    }

    /** A verdict on one text. */
    public sealed interface Verdict {
    }

    /**
     * The text reads like instructions to the model.
     *
     * @param probability the head's probability for the text's highest window
     * @param start start of that window in the text
     * @param end end of that window (exclusive)
     */
    public record Instructions(double probability, int start, int end) implements Verdict {
    }

    /** The text could not be screened; {@code reason} says why, in operator terms. */
    public record NotScreened(String reason) implements Verdict {
    }
}
