package dev.awsmcp.toolset.s3;

import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Drops the {@code Expect: 100-continue} header the S3 client puts on every PutObject. Our uploads are
 * small (at most 256 KiB), so waiting for the go-ahead only adds a round trip; and some S3-compatible
 * servers, moto's among them, answer it in a way the Netty client reports as a failed request with
 * status 100. A plugin rather than client override configuration, because the gateway's
 * {@link dev.awsmcp.toolset.api.ToolsetContext#buildClient} sets that configuration itself.
 */
final class NoExpectContinuePlugin implements SdkPlugin {

    @Override
    public void configureClient(SdkServiceClientConfiguration.Builder config) {
        config.overrideConfiguration(config.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(new Interceptor()).build());
    }

    /** Runs after the S3 client's own interceptors, which add the header. */
    private static final class Interceptor implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            SdkHttpRequest request = context.httpRequest();
            return request.firstMatchingHeader("Expect").isPresent() ? request.toBuilder().removeHeader("Expect").build() : request;
        }
    }
}
