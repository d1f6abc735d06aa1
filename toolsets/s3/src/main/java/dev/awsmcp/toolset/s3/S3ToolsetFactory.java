package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Creates S3 toolsets ({@code type: s3}): bucket and key listing, object metadata, bounded ranged
 * reads of text objects, bucket policies, and text uploads classed {@link dev.awsmcp.toolset.api.Access#WRITE}.
 * One option: {@code pathStyle} (boolean), path-style addressing; defaults to true only when an
 * endpoint is configured, since local emulators and most S3-compatible stores need it and AWS does not.
 */
public final class S3ToolsetFactory implements ToolsetFactory {

    /** The configuration type name. */
    public static final String TYPE = "s3";
    /** Option key: path-style addressing ({@code http://host/bucket/key}) instead of virtual-hosted style. */
    public static final String PATH_STYLE = "pathStyle";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of(PATH_STYLE);
    }

    @Override
    public Toolset create(ToolsetConfig config, ToolsetContext context) {
        boolean pathStyle = pathStyle(config);
        DeferredClient<S3AsyncClient> s3 = context.deferredClient(
                S3AsyncClient.builder().forcePathStyle(pathStyle).addPlugin(new NoExpectContinuePlugin()), config);
        try {
            return new S3Toolset(s3, config);
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    static boolean pathStyle(ToolsetConfig config) {
        JsonNode value = config.options().get(PATH_STYLE);
        if (value == null || value.isNull()) {
            return config.endpoint() != null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        // ${ENV:default} interpolation yields strings.
        if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw new IllegalArgumentException("toolset " + config.id() + ": option " + PATH_STYLE + " must be true or false, got "
                + value + "; omit it to use path-style only when an endpoint is set");
    }
}
