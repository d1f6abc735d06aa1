package dev.awsmcp.testkit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests a local AWS: one moto server per test JVM, started on first use and
 * stopped at the end of the run, reset before each top-level test class so classes do not see each
 * other's resources. Inject {@link LocalAws} into constructors, lifecycle or test methods, or call
 * {@link #localAws()}. Test classes sharing the server must not run in parallel.
 *
 * <pre>{@code @ExtendWith(LocalAwsExtension.class)
 * class QueryToolTest {
 *     @BeforeAll static void seed(LocalAws aws) { ... }
 * }}</pre>
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);
    private static volatile LocalAws current;

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalAws aws = obtain(context);
        boolean nested = context.getTestClass().map(c -> c.isAnnotationPresent(Nested.class)).orElse(false);
        if (!nested) {
            aws.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return obtain(extension);
    }

    /**
     * The local AWS of this test JVM.
     *
     * @throws IllegalStateException when no test class using this extension has started yet
     */
    public static LocalAws localAws() {
        LocalAws aws = current;
        if (aws == null) {
            throw new IllegalStateException("local AWS is not started; annotate the test class with @ExtendWith(LocalAwsExtension.class)");
        }
        return aws;
    }

    private static LocalAws obtain(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(Resource.class, key -> new Resource(), Resource.class).aws;
    }

    /** Lives in the root store, so JUnit closes it once, when the whole run ends. */
    private static final class Resource implements ExtensionContext.Store.CloseableResource {
        private final LocalAws aws;

        Resource() {
            aws = LocalAws.start(MotoServerOptions.DEFAULT);
            current = aws;
        }

        @Override
        public void close() {
            current = null;
            aws.close();
        }
    }
}
