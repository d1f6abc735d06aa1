package dev.awsmcp.gateway.guard;

import java.util.List;

/**
 * Finds prompt-injection signals in one untrusted text value (a log message, an S3 document, an item
 * attribute). Linear in the length of the text; never compiles a pattern from the text; thread-safe.
 */
public interface InjectionDetector {

    /** The findings in {@code text}, in order of position; empty when there are none. */
    List<Finding> scan(String text);
}
