package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.ToolArguments;

/** The S3 arguments on top of {@link ToolArguments}: the bucket and the object key. */
final class Arguments extends ToolArguments {

    static final String BUCKET = "bucket";
    static final String KEY = "key";

    Arguments(ObjectNode node) {
        super(node);
    }

    String bucket() {
        return text(BUCKET);
    }

    String key() {
        return text(KEY);
    }
}
