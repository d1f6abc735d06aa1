package dev.awsmcp.toolset.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextContentTest {

    private static final byte[] EURO = "ab€".getBytes(UTF_8); // 61 62 E2 82 AC
    private static final byte[] EMOJI = "a😀".getBytes(UTF_8); // 61 F0 9F 98 80

    @Test
    void characterBoundaryKeepsWholeCharactersOnly() {
        assertThat(TextContent.characterBoundary(EURO, 0, 5)).isEqualTo(5);
        assertThat(TextContent.characterBoundary(EURO, 0, 4)).isEqualTo(2);
        assertThat(TextContent.characterBoundary(EURO, 0, 3)).isEqualTo(2);
        assertThat(TextContent.characterBoundary(EURO, 0, 2)).isEqualTo(2);
        assertThat(TextContent.characterBoundary(EMOJI, 0, 5)).isEqualTo(5);
        assertThat(TextContent.characterBoundary(EMOJI, 0, 4)).isEqualTo(1);
        assertThat(TextContent.characterBoundary(EMOJI, 0, 2)).isEqualTo(1);
    }

    @Test
    void strayContinuationBytesCountAsSingleCharacters() {
        byte[] stray = {'a', (byte) 0x82, (byte) 0x82, (byte) 0x82, (byte) 0x82};

        assertThat(TextContent.characterBoundary(stray, 0, 5)).isEqualTo(5);
    }

    @Test
    void leadingContinuationBytesAreTheTailOfAnEarlierCharacter() {
        assertThat(TextContent.leadingContinuationBytes(new byte[] {(byte) 0x82, (byte) 0xAC, 'x'})).isEqualTo(2);
        assertThat(TextContent.leadingContinuationBytes("x€".getBytes(UTF_8))).isZero();
        assertThat(TextContent.leadingContinuationBytes(new byte[0])).isZero();
    }

    @Test
    void fitJsonCountsEscapes() {
        byte[] text = "a\"b\n\u0001c".getBytes(UTF_8); // costs 1 2 1 2 6 1

        assertThat(TextContent.fitJson(text, 0, text.length, 100)).isEqualTo(text.length);
        assertThat(TextContent.fitJson(text, 0, text.length, 6)).isEqualTo(4);
        assertThat(TextContent.fitJson(text, 0, text.length, 11)).isEqualTo(4);
        assertThat(TextContent.fitJson(text, 0, text.length, 12)).isEqualTo(5);
    }

    @Test
    void classifiesByContentTypeThenBySniffing() {
        byte[] text = "hello, wörld".getBytes(UTF_8);

        assertThat(TextContent.classify("text/plain; charset=utf-8", null, text, 0).text()).isTrue();
        assertThat(TextContent.classify("binary/octet-stream", null, text, 0).text()).isTrue();
        assertThat(TextContent.classify(null, null, text, 0).text()).isTrue();
        assertThat(TextContent.classify("image/png", null, text, 0).reason()).isEqualTo("content type image/png");
        assertThat(TextContent.classify("Application/GZIP", null, text, 0).reason()).isEqualTo("content type application/gzip");
        assertThat(TextContent.classify("text/plain", "gzip", text, 0).reason()).isEqualTo("content encoding gzip");
        assertThat(TextContent.classify("text/plain", null, new byte[] {'a', 0}, 0).reason()).isEqualTo("NUL byte at offset 1 of the range");
        assertThat(TextContent.classify("text/plain", null, new byte[] {'a', (byte) 0xC3, 'b'}, 0).reason())
                .isEqualTo("not valid UTF-8 at offset 1 of the range");
    }

    @Test
    void aCharacterCutByTheSniffWindowIsNotInvalid() {
        byte[] bytes = ("x".repeat(TextContent.SNIFF_BYTES - 1) + "€").getBytes(UTF_8);

        assertThat(TextContent.classify("text/plain", null, bytes, 0).text()).isTrue();
    }

    @Test
    void invalidBytesPastTheSniffWindowAreReplacedNotFatal() {
        byte[] bytes = ("x".repeat(TextContent.SNIFF_BYTES + 10) + "\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(TextContent.classify("text/plain", null, bytes, 0).text()).isTrue();
        assertThat(TextContent.decode(bytes, 0, bytes.length)).endsWith("x\uFFFD");
    }
}
