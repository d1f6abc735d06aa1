package dev.awsmcp.toolset.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class ToolArgumentsTest {

    private static ToolArguments arguments(String json) throws JsonProcessingException {
        return new ToolArguments((ObjectNode) Json.mapper().readTree(json.replace('\'', '"')));
    }

    @Test
    void absentAndNullArgumentsReadAsNullOrTheDefault() throws JsonProcessingException {
        ToolArguments arguments = arguments("{'n':null}");

        assertThat(arguments.optionalText("n")).isNull();
        assertThat(arguments.optionalText("missing")).isNull();
        assertThat(arguments.optionalInt("n")).isNull();
        assertThat(arguments.optionalBoolean("n")).isNull();
        assertThat(arguments.optional("n")).isNull();
        assertThat(arguments.optionalLong("n", 7)).isEqualTo(7);
        assertThat(arguments.flag("n", true)).isTrue();
        assertThat(arguments.cursor("scope")).isNull();
    }

    @Test
    void readsTypedValues() throws JsonProcessingException {
        ToolArguments arguments = arguments("{'s':'x','i':3,'l':5000000000,'b':false,'o':{'k':1}}");

        assertThat(arguments.text("s")).isEqualTo("x");
        assertThat(arguments.optionalInt("i")).isEqualTo(3);
        assertThat(arguments.optionalLong("l", 0)).isEqualTo(5_000_000_000L);
        assertThat(arguments.flag("b", true)).isFalse();
        assertThat(arguments.optional("o").get("k").asInt()).isEqualTo(1);
    }

    @Test
    void numbersOutOfRangeOrNotWholeAreRefusedNamingTheArgumentNeverWrapped() throws JsonProcessingException {
        ToolArguments arguments = arguments("{'huge':1e20,'big':100000000000000000000,'wide':3000000000,'half':1.5,'whole':2.0,"
                + "'text':'7'}");

        assertThatThrownBy(() -> arguments.optionalLong("huge", 0)).isInstanceOf(ToolArgumentException.class)
                .hasMessage("huge must be a whole number from -9223372036854775808 to 9223372036854775807; got 1E+20");
        assertThatThrownBy(() -> arguments.optionalLong("big", 0)).isInstanceOf(ToolArgumentException.class)
                .hasMessageStartingWith("big must be a whole number");
        assertThatThrownBy(() -> arguments.optionalInt("wide")).isInstanceOf(ToolArgumentException.class)
                .hasMessage("wide must be a whole number from -2147483648 to 2147483647; got 3000000000");
        assertThatThrownBy(() -> arguments.optionalInt("half")).isInstanceOf(ToolArgumentException.class)
                .hasMessageStartingWith("half must be a whole number");
        assertThatThrownBy(() -> arguments.optionalLong("text", 0)).isInstanceOf(ToolArgumentException.class)
                .hasMessageEndingWith("; got string");
        assertThat(arguments.optionalInt("whole")).isEqualTo(2);
        assertThat(arguments.optionalLong("wide", 0)).isEqualTo(3_000_000_000L);
    }

    @Test
    void emptyTextIsKeptByOptionalTextButIsAbsentOtherwise() throws JsonProcessingException {
        ToolArguments arguments = arguments("{'prefix':''}");

        assertThat(arguments.optionalText("prefix")).isEmpty();
        assertThat(arguments.optionalNonEmptyText("prefix")).isNull();
        assertThatThrownBy(() -> arguments.text("prefix")).isInstanceOf(ToolArgumentException.class).hasMessage("prefix is required");
    }

    @Test
    void requiredTextNamesTheMissingArgument() throws JsonProcessingException {
        assertThatThrownBy(() -> arguments("{}").text("table")).isInstanceOf(ToolArgumentException.class)
                .hasMessage("table is required");
    }

    @Test
    void cursorsDecodeForTheirScopeOnly() throws JsonProcessingException {
        String cursor = PageCursor.encode("list:a", TextNode.valueOf("token"));

        assertThat(arguments("{'cursor':'" + cursor + "'}").cursor("list:a").textValue()).isEqualTo("token");
        assertThatThrownBy(() -> arguments("{'cursor':'" + cursor + "'}").cursor("list:b"))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("another request");
        assertThatThrownBy(() -> ToolArguments.decodeCursor("%%%", "list:a"))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("not valid");
    }
}
