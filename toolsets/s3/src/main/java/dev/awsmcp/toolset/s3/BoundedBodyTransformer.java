package dev.awsmcp.toolset.s3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Collects at most {@code maxBytes} of a GET body, then cancels the stream. The request asks for a
 * byte range already; this bound keeps a server that ignores {@code Range} from making the toolset
 * buffer a whole object.
 */
final class BoundedBodyTransformer implements AsyncResponseTransformer<GetObjectResponse, BoundedBodyTransformer.Body> {

    /**
     * What was read.
     *
     * @param response the response headers
     * @param bytes at most {@code maxBytes} bytes of the body
     * @param cut true when the body had more bytes than were read
     */
    record Body(GetObjectResponse response, byte[] bytes, boolean cut) {
    }

    private final int maxBytes;
    private volatile CompletableFuture<Body> future;
    private volatile GetObjectResponse response;

    BoundedBodyTransformer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public CompletableFuture<Body> prepare() {
        // Called again for each retry attempt; each attempt starts afresh.
        future = new CompletableFuture<>();
        return future;
    }

    @Override
    public void onResponse(GetObjectResponse headers) {
        this.response = headers;
    }

    @Override
    public void onStream(SdkPublisher<ByteBuffer> publisher) {
        publisher.subscribe(new Collector(future));
    }

    @Override
    public void exceptionOccurred(Throwable error) {
        future.completeExceptionally(error);
    }

    private final class Collector implements Subscriber<ByteBuffer> {
        private final CompletableFuture<Body> target;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Subscription subscription;

        Collector(CompletableFuture<Body> target) {
            this.target = target;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            int room = maxBytes - out.size();
            int take = Math.min(room, buffer.remaining());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            out.write(chunk, 0, take);
            if (buffer.hasRemaining()) {
                subscription.cancel();
                target.complete(new Body(response, out.toByteArray(), true));
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            target.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            target.complete(new Body(response, out.toByteArray(), false));
        }
    }
}
