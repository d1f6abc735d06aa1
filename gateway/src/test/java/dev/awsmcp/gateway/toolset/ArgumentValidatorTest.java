package dev.awsmcp.gateway.toolset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ArgumentValidatorTest {

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArgumentValidator validator(String schema) {
        return ArgumentValidator.compile((ObjectNode) json(schema));
    }

    @Test
    void integersWithoutBoundsOfTheirOwnAreBoundedToTheRangeOfALong() {
        ArgumentValidator validator = validator("{'type':'object','properties':{'n':{'type':'integer','minimum':0}}}");

        for (String huge : new String[] {"1e20", "100000000000000000000", "9223372036854775808", "1e400"}) {
            assertThat(validator.validate(json("{'n':" + huge + "}"))).as(huge)
                    .hasValue("argument 'n': must have a maximum value of 9223372036854775807");
        }
        assertThat(validator.validate(json("{'n':9223372036854775807}"))).isEmpty();
        assertThat(validator.validate(json("{'n':-1}"))).isPresent();
    }

    @Test
    void boundsOfTheToolsOwnHoldForNumbersWrittenWithAnExponent() {
        ArgumentValidator validator = validator("{'type':'object','properties':{'limit':{'type':'integer','minimum':1,'maximum':1000}}}");

        // 1.8446744073709551617E19 is 2^64 + 1: read as a wrapped long it would be 1, within the bounds.
        assertThat(validator.validate(json("{'limit':1.8446744073709551617E19}"))).hasValue("argument 'limit': must have a maximum value of 1000");
        assertThat(validator.validate(json("{'limit':1e3}"))).isEmpty();
    }

    @Test
    void integersInsideArraysAndNestedObjectsAreBoundedToo() {
        ArgumentValidator validator = validator("{'type':'object','properties':{'ids':{'type':'array','items':{'type':'integer'}},"
                + "'window':{'type':'object','properties':{'start':{'type':['integer','string']}}}}}");

        assertThat(validator.validate(json("{'ids':[1,1e20]}"))).hasValue("argument 'ids/1': must have a maximum value of 9223372036854775807");
        assertThat(validator.validate(json("{'window':{'start':-1e20}}")))
                .hasValue("argument 'window/start': must have a minimum value of -9223372036854775808");
        assertThat(validator.validate(json("{'window':{'start':'-15m'},'ids':[3]}"))).isEmpty();
    }
}
