package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import org.junit.jupiter.api.Test;

/**
 * The schema a tool is listed with: input guards left out at every schema position, nothing else touched; a schema naming
 * its dialect listed as declared.
 */
class ListedSchemaTest {

    @Test
    void leavesOutInputGuardsButKeepsTypesRequiredEnumsMaximumsValueSchemasAndPropertiesNamedLikeKeywords() throws Exception {
        ObjectNode declared = (ObjectNode) Json.mapper().readTree("""
                {"type":"object","additionalProperties":false,
                 "properties":{
                   "pattern":{"type":"string","minLength":1,"maxLength":64,"pattern":"^[a-z]+$","description":"kept"},
                   "limit":{"type":"integer","minimum":1,"maximum":200},
                   "offset":{"type":"integer","minimum":16},
                   "keys":{"type":"array","minItems":1,"maxItems":5,"uniqueItems":true,
                           "items":{"type":"object","propertyNames":{"pattern":"^#"},"additionalProperties":{"type":"string","maxLength":9}}},
                   "pairs":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false}},
                   "mode":{"enum":["a","b"]}},
                 "required":["pattern"]}""");
        String before = declared.toString();

        ObjectNode listed = ListedSchema.of(declared);

        assertThat(listed.toString()).isEqualTo("""
                {"type":"object",\
                "properties":{"pattern":{"type":"string","description":"kept"},"limit":{"type":"integer","maximum":200},\
                "offset":{"type":"integer","minimum":16},"keys":{"type":"array","maxItems":5,"items":{"type":"object",\
                "additionalProperties":{"type":"string"}}},"pairs":{"type":"array","items":{"type":"object",\
                "properties":{"name":{"type":"string"}}}},"mode":{"enum":["a","b"]}},"required":["pattern"]}""");
        assertThat(declared.toString()).as("the declared schema, which calls are validated against, is unchanged").isEqualTo(before);
        assertThat(ListedSchema.of((ObjectNode) Json.mapper().readTree("{\"type\":\"object\",\"required\":[]}")).toString())
                .isEqualTo("{\"type\":\"object\"}");
    }

    @Test
    void listsASchemaNamingItsDialectExactlyAsDeclared() throws Exception {
        ObjectNode declared = (ObjectNode) Json.mapper().readTree("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "$defs":{"address":{"type":"object","properties":{"street":{"type":"string","minLength":1}}}},
                 "properties":{"name":{"type":"string","maxLength":9},"address":{"$ref":"#/$defs/address"}},
                 "additionalProperties":false}""");

        assertThat(ListedSchema.of(declared)).isEqualTo(declared).isNotSameAs(declared);
    }
}
