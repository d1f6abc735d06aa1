package dev.awsmcp.toolset.s3;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.support.SessionPolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The session policy of an S3 grant. Objects: GetObject (also what HeadObject needs) and GetObjectVersion
 * for reads, PutObject for writes, on {@code bucket/*} or {@code bucket/keyglob}. Buckets: GetBucketPolicy
 * on every bucket with a grant inside it; ListBucket on whole-bucket grants, else limited by an
 * {@code s3:prefix} condition to the key globs that are a literal followed by one trailing {@code *}, the
 * only listings the gateway allows. ListAllMyBuckets is account-wide in IAM; the gateway filters it.
 * Patterns whose bucket part is empty cannot be expressed.
 */
final class S3SessionPolicy {

    private S3SessionPolicy() {
    }

    static Optional<String> document(SessionPolicyRequest request) {
        String arnPrefix = "arn:" + request.partition() + ":s3:::";
        List<String> objects = new ArrayList<>();
        Set<String> buckets = new LinkedHashSet<>();
        Set<String> wholeBuckets = new LinkedHashSet<>();
        Map<String, List<String>> listablePrefixes = new LinkedHashMap<>();
        for (String pattern : request.resourcePatterns()) {
            int slash = pattern.indexOf('/');
            String bucket = slash < 0 ? pattern : pattern.substring(0, slash);
            String keyGlob = slash < 0 || slash == pattern.length() - 1 ? "*" : pattern.substring(slash + 1);
            if (bucket.isEmpty()) {
                return Optional.empty();
            }
            String bucketArn = arnPrefix + SessionPolicyDocument.pattern(bucket);
            buckets.add(bucketArn);
            objects.add(bucketArn + "/" + SessionPolicyDocument.pattern(keyGlob));
            if (keyGlob.equals("*")) {
                wholeBuckets.add(bucketArn);
            } else if (keyGlob.indexOf('*') == keyGlob.length() - 1) {
                listablePrefixes.computeIfAbsent(bucketArn, b -> new ArrayList<>()).add(SessionPolicyDocument.pattern(keyGlob));
            }
        }
        SessionPolicyDocument document = new SessionPolicyDocument();
        if (request.access().contains(Access.READ)) {
            document.allow(List.of("s3:ListAllMyBuckets"), List.of("*"))
                    .allow(List.of("s3:GetObject", "s3:GetObjectVersion"), objects)
                    .allow(List.of("s3:GetBucketPolicy"), List.copyOf(buckets))
                    .allow(List.of("s3:ListBucket"), List.copyOf(wholeBuckets));
            listablePrefixes.forEach((bucketArn, prefixes) -> {
                if (!wholeBuckets.contains(bucketArn)) {
                    document.allow(List.of("s3:ListBucket"), List.of(bucketArn), "StringLike", "s3:prefix", prefixes);
                }
            });
        }
        if (request.access().contains(Access.WRITE)) {
            document.allow(List.of("s3:PutObject"), objects);
        }
        return Optional.of(document.toJson());
    }
}
