package dev.awsmcp.gateway.mcp;

/**
 * The MCP SDK's two schemas side by side: the 2025-11-25 types ({@code io.modelcontextprotocol.spec.McpSchema}) the
 * gateway builds its answers in, and the 2026-07-28 ones ({@code io.modelcontextprotocol.modern.McpSchema}) a modern
 * client receives. Where they share a wire format (tools, results, prompts, resources), one is converted to the other
 * through JSON, so that each answer is built once.
 */
final class ModernSchema {

    private ModernSchema() {
    }

    /** {@code value} (a 2025-11-25 type) as {@code type} (its 2026-07-28 counterpart). */
    static <T> T convert(Object value, Class<T> type) {
        return McpServerFactory.JSON.convertValue(value, type);
    }
}
