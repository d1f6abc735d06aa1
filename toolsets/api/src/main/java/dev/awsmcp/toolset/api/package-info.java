/**
 * The toolset SPI: the contract between the gateway core and the per-service toolsets.
 *
 * <p>A toolset module ships a {@link dev.awsmcp.toolset.api.ToolsetFactory} registered for
 * {@link java.util.ServiceLoader}; the gateway creates one {@link dev.awsmcp.toolset.api.Toolset} per
 * configured toolset instance and routes {@code <id>__<tool>} calls to it. Toolsets never see HTTP,
 * authentication, policy files or other toolsets; the gateway never sees AWS SDK types from a toolset
 * other than the credentials and client builders it hands in.
 */
package dev.awsmcp.toolset.api;
