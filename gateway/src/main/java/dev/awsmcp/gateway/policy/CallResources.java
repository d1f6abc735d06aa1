package dev.awsmcp.gateway.policy;

import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.api.CanonicalResource;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.support.ResourceIdentifiers;

/**
 * Canonicalizes the resources one tool's calls name, with the resource kinds its toolset declares. The
 * gateway's own rules come first and hold for every kind: a blank identifier is refused, and so is a kind
 * the tool did not declare (a toolset bug: fail closed). A resource the toolset derived (not named in the
 * arguments) is refused without echoing it.
 */
final class CallResources {

    /** One resource of the call, canonical, with the kind that reads patterns for it. */
    record Resolved(ResourceKind kind, CanonicalResource canonical, boolean named) {
    }

    private final RegisteredTool tool;

    CallResources(RegisteredTool tool) {
        this.tool = tool;
    }

    /**
     * The canonical form of {@code ref}.
     *
     * @throws IllegalArgumentException with a message for the model when it cannot be canonicalized
     */
    Resolved resolve(ResourceRef ref) {
        ResourceKind kind = tool.spec().resourceKinds().contains(ref.kind()) ? tool.instance().kind(ref.kind()).orElse(null) : null;
        if (kind == null) {
            throw new IllegalArgumentException(tool.name() + " named a resource of kind '" + ref.kind()
                    + "' that it does not declare; the gateway refuses it (a toolset bug for the operator)");
        }
        try {
            if (ResourceIdentifiers.blank(ref.name())) {
                throw new IllegalArgumentException("a " + ref.kind() + " identifier is empty or only whitespace ('"
                        + ResourceIdentifiers.printable(ref.name()) + "'); give the exact name");
            }
            return new Resolved(kind, kind.canonicalize(ref.name(), tool.instance().scope()), ref.named());
        } catch (IllegalArgumentException e) {
            if (ref.named()) {
                throw e;
            }
            throw new IllegalArgumentException("a " + ref.kind() + " this call reads (derived from its arguments, not named in them) "
                    + "cannot be authorized", e);
        }
    }

    /** The canonical form of {@code ref}, or empty when it cannot be canonicalized (for listings: not visible). */
    java.util.Optional<Resolved> tryResolve(ResourceRef ref) {
        try {
            return java.util.Optional.of(resolve(ref));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
