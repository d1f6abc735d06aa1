/**
 * The toolset SPI, contract only: the types the gateway core and a per-service toolset exchange.
 *
 * <p>A toolset module ships a {@link dev.awsmcp.toolset.api.ToolsetFactory} registered for
 * {@link java.util.ServiceLoader}; the gateway creates one {@link dev.awsmcp.toolset.api.Toolset} per
 * configured toolset instance and routes {@code <id>__<tool>} calls to it. Toolsets never see HTTP,
 * authentication, policy files or other toolsets; the gateway never sees AWS SDK types from a toolset
 * other than the credentials and client builders it hands in.
 *
 * <p>Helpers for writing a toolset (a base class for AWS-backed toolsets, argument access, cursors, AWS
 * error translation, the JSON mapper, resource kinds, session policy documents) live in
 * {@code dev.awsmcp.toolset.support}; nothing here depends on them.
 */
package dev.awsmcp.toolset.api;
