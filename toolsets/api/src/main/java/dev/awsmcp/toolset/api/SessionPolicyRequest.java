package dev.awsmcp.toolset.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.regions.GeneratedPartitionMetadataProvider;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * What {@link Toolset#sessionPolicy} is asked to express: one team's grant of one toolset instance.
 * Immutable; built by the gateway when policy files are loaded, never per call.
 *
 * @param access the access classes granted; never null, may be empty
 * @param resourcePatterns the grant's resource patterns as written in the policy file, {@code *} matching
 *     any run of characters (for S3 {@code bucket} or {@code bucket/keyglob}); never null, may be empty
 * @param region the instance's region; never null
 * @param accountId the instance's AWS account, or null when not configured ({@code *} in ARNs)
 */
public record SessionPolicyRequest(Set<Access> access, List<String> resourcePatterns, Region region, String accountId) {

    private static final GeneratedPartitionMetadataProvider PARTITIONS = new GeneratedPartitionMetadataProvider();

    public SessionPolicyRequest {
        access = Set.copyOf(access);
        resourcePatterns = List.copyOf(resourcePatterns);
        Objects.requireNonNull(region, "region");
    }

    /** The AWS partition of the region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...). */
    public String partition() {
        // The partitions' own table: PartitionMetadata.of would first load the metadata of every AWS service (some
        // hundred milliseconds of a start, when policies are compiled) to answer from the same table.
        PartitionMetadata partition = PARTITIONS.partitionMetadata(region);
        return partition == null ? "aws" : partition.id();
    }

    /**
     * The ARN {@code arn:<partition>:<service>:<region>:<account or *>:<resource>}; {@code resource} is
     * used as given, so escape pattern text with {@code dev.awsmcp.toolset.support.SessionPolicyDocument#pattern} first.
     */
    public String arn(String service, String resource) {
        return "arn:" + partition() + ":" + service + ":" + region.id() + ":" + (accountId == null ? "*" : accountId) + ":" + resource;
    }
}
