package dev.awsmcp.toolset.s3;

import static dev.awsmcp.toolset.s3.S3Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class S3ToolsetFactoryTest {

    private final List<ToolSpec> specs = new S3Toolset(DeferredClient.built(new FakeS3()), config(null, "{}")).tools();
    private final Map<String, ToolSpec> byName = specs.stream().collect(Collectors.toMap(ToolSpec::name, Function.identity()));

    private static ToolsetConfig config(URI endpoint, String options) {
        return new ToolsetConfig("s3", "s3", Region.US_EAST_1, endpoint, args(options));
    }

    @Test
    void isFoundByServiceLoaderUnderTypeS3() {
        assertThat(ServiceLoader.load(ToolsetFactory.class).stream().map(ServiceLoader.Provider::get).map(ToolsetFactory::type))
                .contains("s3");
        assertThat(new S3ToolsetFactory().optionKeys()).containsExactly("pathStyle");
    }

    @Test
    void servesTheCatalogWithOnlyPutObjectAsWrite() {
        assertThat(byName.keySet()).containsExactlyInAnyOrder("list_buckets", "list_objects", "head_object", "get_object",
                "get_bucket_policy", "put_object");
        assertThat(specs).filteredOn(spec -> spec.access() != Access.READ).extracting(ToolSpec::name).containsExactly("put_object");
        assertThat(byName.get("put_object").access()).isEqualTo(Access.WRITE);
    }

    @Test
    void schemasAreClosedObjectsInTheDefaultDialect() {
        for (ToolSpec spec : specs) {
            assertThat(spec.inputSchema().get("additionalProperties").asBoolean()).as(spec.name()).isFalse();
            // Parameters are described only where the name is not enough (#23); the dialect is the default, 2020-12.
            assertThat(spec.inputSchema().has("$schema")).as(spec.name()).isFalse();
            assertThat(spec.description().length()).as(spec.name()).isLessThan(330);
        }
        assertThat(byName.get("get_object").inputSchema().get("required")).extracting(n -> n.asText()).containsExactly("bucket", "key");
    }

    @Test
    void resourcesAreNamedFromArgumentsAlone() {
        assertThat(byName.get("list_buckets").resources().apply(args("{}"))).isEmpty();
        assertThat(byName.get("get_bucket_policy").resources().apply(args("{'bucket':'docs'}")))
                .containsExactly(new ResourceRef("bucket", "docs"));
        assertThat(byName.get("get_object").resources().apply(args("{'bucket':'docs','key':'a/b.md'}")))
                .containsExactly(new ResourceRef("object", "docs/a/b.md"));
        assertThat(byName.get("put_object").resources().apply(args("{'bucket':'docs','key':'a/b.md','body':''}")))
                .containsExactly(new ResourceRef("object", "docs/a/b.md"));
        assertThat(byName.get("list_objects").resources().apply(args("{'bucket':'docs','prefix':'runbooks/'}")))
                .containsExactly(new ResourceRef("bucket", "docs"), new ResourceRef("object-prefix", "docs/runbooks/"));
        assertThat(byName.get("list_objects").resources().apply(args("{'bucket':'docs'}")))
                .containsExactly(new ResourceRef("bucket", "docs"), new ResourceRef("object-prefix", "docs/"));
    }

    @Test
    void pathStyleDefaultsToTrueOnlyWithAnEndpoint() {
        assertThat(S3ToolsetFactory.pathStyle(config(null, "{}"))).isFalse();
        assertThat(S3ToolsetFactory.pathStyle(config(URI.create("http://127.0.0.1:5000"), "{}"))).isTrue();
        assertThat(S3ToolsetFactory.pathStyle(config(URI.create("http://127.0.0.1:5000"), "{'pathStyle':false}"))).isFalse();
        assertThat(S3ToolsetFactory.pathStyle(config(null, "{'pathStyle':'true'}"))).isTrue();
    }

    @Test
    void anInvalidPathStyleNamesTheOptionAndTheFix() {
        assertThatThrownBy(() -> S3ToolsetFactory.pathStyle(config(null, "{'pathStyle':'yes'}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toolset s3: option pathStyle must be true or false, got \"yes\"; "
                        + "omit it to use path-style only when an endpoint is set");
    }

    @Test
    void descriptionsPointAtSiblingToolsByTheirExposedName() {
        assertThat(byName.get("get_object").description()).contains("s3__head_object");
    }
}
