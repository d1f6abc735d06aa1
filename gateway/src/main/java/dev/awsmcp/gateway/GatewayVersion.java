package dev.awsmcp.gateway;

/** The gateway's version, from the jar manifest ({@code dev} when run from classes). */
public final class GatewayVersion {

    private GatewayVersion() {
    }

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        String v = GatewayVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
