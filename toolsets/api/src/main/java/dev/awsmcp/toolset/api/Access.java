package dev.awsmcp.toolset.api;

/**
 * The access class of a tool, which policies grant separately. A tool whose class is unknown is
 * treated as {@link #WRITE}, the most guarded class that still lets it run under an explicit grant.
 */
public enum Access {
    /** Reads data or metadata and changes nothing. */
    READ,
    /** Creates, changes or deletes data or configuration. */
    WRITE,
    /** Runs code (for example a Lambda function) whose effects the gateway cannot see. */
    INVOKE
}
