package dev.awsmcp.gateway.guard.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows are whole sentences and lines where they fit, never longer than the limit, and cover every word. */
class TextWindowsTest {

    @Test
    void packsSentencesUpToTheLimitAndCutsOnlyOverlongOnes() {
        String sentence = "The refund worker drains the queue. ";
        String text = sentence.repeat(12) + "x".repeat(450) + " tail.";
        List<TextWindows.Window> windows = TextWindows.of(text);
        assertThat(windows).allSatisfy(w -> assertThat(w.end() - w.start()).isLessThanOrEqualTo(TextWindows.MAX_CHARS));
        assertThat(windows.get(0).of(text)).startsWith("The refund").endsWith("queue.");
        StringBuilder covered = new StringBuilder();
        windows.forEach(w -> covered.append(w.of(text).replaceAll("\\s+", "")));
        assertThat(covered.toString()).isEqualTo(text.replaceAll("\\s+", ""));
    }

    @Test
    void aBlankTextHasNoWindowAndAShortOneHasOne() {
        assertThat(TextWindows.of("  \n ")).isEmpty();
        assertThat(TextWindows.of("  one line  ")).containsExactly(new TextWindows.Window(2, 10));
    }

    @Test
    void aParagraphBreakEndsAWindowThatIsLongEnough() {
        String first = "First paragraph has enough words to stand on its own as a window of text.";
        String text = first + "\n\nSecond paragraph.";
        assertThat(TextWindows.of(text)).extracting(w -> w.of(text)).containsExactly(first, "Second paragraph.");
    }
}
