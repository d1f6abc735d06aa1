package dev.awsmcp.gateway.guard;

import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the installed {@link InjectionDetector}: the one implementation registered in
 * {@code META-INF/services/dev.awsmcp.gateway.guard.InjectionDetector} (public, no-argument
 * constructor). Two registered implementations stop startup; none leaves results unscanned for
 * injection (secrets, invisible characters, size and envelope still apply), which is logged at WARN.
 */
public final class InjectionDetectors {

    private static final Logger LOG = LoggerFactory.getLogger(InjectionDetectors.class);

    /** A detector that finds nothing. */
    public static final InjectionDetector NONE = text -> List.of();

    private InjectionDetectors() {
    }

    /** The installed detector, or {@link #NONE}. */
    public static InjectionDetector installed() {
        return installedMaker().get();
    }

    /**
     * What makes the installed detector: the registrations are checked now (two stop the caller), the detector, whose
     * rules take a few hundred milliseconds to build, is made when the supplier is called.
     */
    public static Supplier<InjectionDetector> installedMaker() {
        List<ServiceLoader.Provider<InjectionDetector>> found = ServiceLoader.load(InjectionDetector.class).stream().toList();
        if (found.size() > 1) {
            throw new IllegalStateException("more than one InjectionDetector is registered: "
                    + found.stream().map(p -> p.type().getName()).toList() + "; keep exactly one on the classpath");
        }
        if (found.isEmpty()) {
            LOG.warn("no InjectionDetector is installed: results are redacted, bounded and enveloped, but not scanned for prompt injection");
            return () -> NONE;
        }
        ServiceLoader.Provider<InjectionDetector> only = found.get(0);
        return () -> {
            InjectionDetector detector = only.get();
            LOG.info("result guard uses injection detector {}", detector.getClass().getName());
            return detector;
        };
    }
}
