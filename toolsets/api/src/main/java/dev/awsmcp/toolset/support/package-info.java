/**
 * Helpers for writing a toolset against the SPI in {@code dev.awsmcp.toolset.api}; none of them is
 * part of the contract, and a toolset may use any, all or none of them.
 *
 * <ul>
 *   <li>{@link dev.awsmcp.toolset.support.ToolArguments}: typed access to a call's validated arguments;
 *       {@link dev.awsmcp.toolset.support.ToolArgumentException} for arguments the schema could not rule out.</li>
 *   <li>{@link dev.awsmcp.toolset.support.PageCursor}: paging cursors bound to the request they page.</li>
 *   <li>{@link dev.awsmcp.toolset.support.AwsFailures} and {@link dev.awsmcp.toolset.support.AwsError}: AWS SDK
 *       failures translated into tool failures with messages for the model.</li>
 *   <li>{@link dev.awsmcp.toolset.support.NamedResourceKind} and
 *       {@link dev.awsmcp.toolset.support.ResourceIdentifiers}: resource kinds known by a name or an ARN.</li>
 *   <li>{@link dev.awsmcp.toolset.support.SessionPolicyDocument}: IAM session policies rendered as JSON.</li>
 *   <li>{@link dev.awsmcp.toolset.support.Json}: the one JSON mapper configuration, shared with the gateway.</li>
 * </ul>
 */
package dev.awsmcp.toolset.support;
