package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Accept header read in place: each media range's type, trimmed, matched in ASCII case, with its wildcards. */
class MediaTypesTest {

    @ParameterizedTest(name = "[{index}] Accept ''{0}'' allows {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "application/json, text/event-stream | text/event-stream | true",
        "application/json, text/event-stream | application/json  | true",
        "application/json,text/event-stream  | text/event-stream | true",
        "TEXT/Event-Stream;q=0.9             | text/event-stream | true",
        "  text/event-stream ; q=1 , x/y     | text/event-stream | true",
        "text/*                              | text/event-stream | true",
        "TEXT/* ;q=0.1                       | text/event-stream | true",
        "*/*                                 | application/json  | true",
        "application/*                       | text/event-stream | false",
        "application/jsonx                   | application/json  | false",
        "application/json-seq                | application/json  | false",
        "text/event-streams                  | text/event-stream | false",
        "text/                               | text/event-stream | false",
        "text/*x                             | text/event-stream | false",
        "te*/*                               | text/event-stream | false",
        "''                                  | application/json  | false",
        "','                                 | application/json  | false",
        "application/json;text/event-stream  | text/event-stream | false",
    })
    void acceptHeaderRanges(String accept, String mediaType, boolean allowed) {
        assertThat(MediaTypes.accepts(accept, mediaType)).isEqualTo(allowed);
    }
}
