package dev.awsmcp.gateway.aws;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The shared HTTP client as the AWS clients see it, with one difference: a request's response handler lets go of the
 * SDK's side once the response has been delivered.
 *
 * <p>Why: the SDK's Netty client keeps each connection's last request on the connection (a channel attribute it sets
 * per request and never clears), and through its response handler the SDK's whole execution context, whose
 * interceptor context holds the unmarshalled response. So every idle pooled connection kept the last response it
 * carried alive: after 64 concurrent DynamoDB queries of 100 items, some 88,000 {@code AttributeValue}s (about 20 MiB
 * of a 60 MiB live heap) stayed reachable until the connection was used again or closed 60 s idle; with pages near
 * DynamoDB's 1 MB limit and the gateway's 128 pooled connections per endpoint that could be hundreds of MiB
 * (docs/performance.md "What each idle AWS connection kept"). The handler given to the Netty client here forwards
 * every signal and drops its reference to the SDK's handler once the response body ended (completed or failed) or the
 * request failed, so what the connection keeps is this handler and the request it sent.
 */
final class ResponseReleasingHttpClient implements SdkAsyncHttpClient {

    private final SdkAsyncHttpClient delegate;

    ResponseReleasingHttpClient(SdkAsyncHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        AsyncExecuteRequest.Builder releasing = AsyncExecuteRequest.builder()
                .request(request.request())
                .requestContentPublisher(request.requestContentPublisher())
                .responseHandler(new ReleasingHandler(request.responseHandler()))
                .fullDuplex(request.fullDuplex())
                .httpExecutionAttributes(request.httpExecutionAttributes());
        request.metricCollector().ifPresent(releasing::metricCollector);
        return delegate.execute(releasing.build());
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Forwards to the SDK's handler until the response ended; after that it holds nothing and ignores late signals. */
    static final class ReleasingHandler implements SdkAsyncHttpResponseHandler {

        private volatile SdkAsyncHttpResponseHandler sdk;

        ReleasingHandler(SdkAsyncHttpResponseHandler sdk) {
            this.sdk = sdk;
        }

        @Override
        public void onHeaders(SdkHttpResponse headers) {
            SdkAsyncHttpResponseHandler target = sdk;
            if (target != null) {
                target.onHeaders(headers);
            }
        }

        @Override
        public void onStream(Publisher<ByteBuffer> stream) {
            SdkAsyncHttpResponseHandler target = sdk;
            if (target != null) {
                target.onStream(subscriber -> stream.subscribe(new ReleasingSubscriber(subscriber, this)));
            }
        }

        @Override
        public void onError(Throwable error) {
            SdkAsyncHttpResponseHandler target = sdk;
            sdk = null;
            if (target != null) {
                target.onError(error);
            }
        }

        /** Whether the SDK's handler is still referenced (for tests). */
        boolean holdsResponse() {
            return sdk != null;
        }

        private void release() {
            sdk = null;
        }
    }

    /**
     * The SDK's subscriber to the response body, let go of at the body's end (the Netty client's publisher stays
     * referenced from the connection as well). A cancel is not an end here: the SDK cancels only when it gave up on
     * the response, and the Netty client then closes the connection, which frees everything anyway.
     */
    private static final class ReleasingSubscriber implements Subscriber<ByteBuffer> {

        private volatile Subscriber<? super ByteBuffer> sdk;
        private final ReleasingHandler handler;

        ReleasingSubscriber(Subscriber<? super ByteBuffer> sdk, ReleasingHandler handler) {
            this.sdk = sdk;
            this.handler = handler;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            Subscriber<? super ByteBuffer> target = sdk;
            if (target != null) {
                target.onSubscribe(subscription);
            } else {
                subscription.cancel();
            }
        }

        @Override
        public void onNext(ByteBuffer part) {
            Subscriber<? super ByteBuffer> target = sdk;
            if (target != null) {
                target.onNext(part);
            }
        }

        @Override
        public void onError(Throwable error) {
            Subscriber<? super ByteBuffer> target = end();
            if (target != null) {
                target.onError(error);
            }
        }

        @Override
        public void onComplete() {
            Subscriber<? super ByteBuffer> target = end();
            if (target != null) {
                target.onComplete();
            }
        }

        private Subscriber<? super ByteBuffer> end() {
            Subscriber<? super ByteBuffer> target = sdk;
            sdk = null;
            handler.release();
            return target;
        }
    }
}
