package dev.awsmcp.gateway.audit;

/**
 * Where a trail ends: the last sequence number and the hash of the last line.
 *
 * @param sequence the {@code seq} of the last line
 * @param hash SHA-256 hex of the last line
 */
public record ChainLink(long sequence, String hash) {
}
