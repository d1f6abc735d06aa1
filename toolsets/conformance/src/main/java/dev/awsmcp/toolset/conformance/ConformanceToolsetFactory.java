package dev.awsmcp.toolset.conformance;

import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;

/**
 * Type {@code conformance}: the fixture tools, resources and prompts the official MCP conformance suite
 * ({@code @modelcontextprotocol/conformance}, server scenarios) calls by fixed names, built on the toolset
 * SPI only. For tests: configure it as {@code {id: test, type: conformance, bareNames: true}} so the
 * names are the suite's ({@code test_simple_text}) and the resources {@code test://...}. It calls no AWS.
 */
public final class ConformanceToolsetFactory implements ToolsetFactory {

    @Override
    public String type() {
        return "conformance";
    }

    @Override
    public Toolset create(ToolsetConfig config, ToolsetContext context) {
        return new ConformanceToolset();
    }
}
