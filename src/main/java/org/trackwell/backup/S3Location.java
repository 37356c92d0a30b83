package org.trackwell.backup;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A backup store in S3 or an S3-compatible object store.
 *
 * @param prefix put before every file's name ({@code trackwell/} keeps the store in a folder of a
 *     shared bucket)
 * @param endpoint an S3-compatible server; null for AWS itself
 * @param region null to take it from AWS's usual sources (environment, profile)
 * @param pathStyle {@code https://host/bucket/name} instead of {@code https://bucket.host/name}, as
 *     most S3-compatible servers want
 * @param accessKeyId with {@code secretAccessKey}; both null to take credentials from AWS's usual
 *     sources (environment, profile, container or instance role)
 */
public record S3Location(
        String bucket,
        @DefaultValue("") String prefix,
        @Nullable URI endpoint,
        @Nullable String region,
        boolean pathStyle,
        @Nullable String accessKeyId,
        @Nullable String secretAccessKey)
        implements StoreLocation {

    /** {@code s3://bucket/prefix}, for people and for the command line. */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + (endpoint != null ? " at " + endpoint : "");
    }

    @Override
    public String toString() {
        return "S3Location[" + describe() + (secretAccessKey != null ? ", secret access key ******" : "") + "]";
    }
}
