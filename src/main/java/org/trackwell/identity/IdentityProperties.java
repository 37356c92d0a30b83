package org.trackwell.identity;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pepper base64 of at least 32 random bytes, from the environment in production; when
 *     absent, a pepper file under the data directory is used (created at first start)
 * @param argon2MemoryKib Argon2id memory per hash; OWASP's minimum is 19 MiB (19456 KiB)
 * @param concurrentHashes how many password hashes may run at once, each on its own thread and
 *     holding the memory above; 0 for the number of cores
 * @param queuedHashes how many more may wait for one of those threads; a sign-in that finds them
 *     all taken is turned away at once (429); 0 for four per thread
 * @param maxIdleTimeout the longest idle timeout a tenant may choose
 * @param defaultSecondFactorRoles the roles that must use a second factor in a tenant that has not
 *     chosen its own (the installation's default policy)
 * @param defaultTerms whether a tenant that has not written terms of use of its own has
 *     Trackwell's default terms, which its users accept (TenantTerms)
 */
@ConfigurationProperties("trackwell.identity")
public record IdentityProperties(
        @DefaultValue("72h") Duration setupLinkValidity,
        @DefaultValue("30m") Duration passwordResetLinkValidity,
        @DefaultValue("1h") Duration passwordResetWindow,
        @DefaultValue("3") int passwordResetsPerAccount,
        @DefaultValue("10") int passwordResetsPerAddress,
        @DefaultValue("5m") Duration secondFactorChallengeValidity,
        @DefaultValue("5m") Duration stepUpValidity,
        @DefaultValue("TENANT_ADMIN") Set<Role> defaultSecondFactorRoles,
        @Nullable String pepper,
        @DefaultValue("19456") int argon2MemoryKib,
        @DefaultValue("2") int argon2Iterations,
        @DefaultValue("1") int argon2Parallelism,
        @DefaultValue("0") int concurrentHashes,
        @DefaultValue("0") int queuedHashes,
        @DefaultValue("12h") Duration sessionLifetime,
        @DefaultValue("20m") Duration maxIdleTimeout,
        @DefaultValue("1m") Duration lastUsedWriteInterval,
        @DefaultValue("20") int addressFailureLimit,
        @DefaultValue("10m") Duration addressFailureWindow,
        @DefaultValue("1h") Duration addressBlock,
        @DefaultValue("true") boolean defaultTerms) {

    public int hashThreads() {
        return concurrentHashes > 0 ? concurrentHashes : Runtime.getRuntime().availableProcessors();
    }

    public int hashQueue() {
        return queuedHashes > 0 ? queuedHashes : 4 * hashThreads();
    }

    @Override
    public String toString() {
        return "IdentityProperties[pepper=" + (pepper == null ? "file" : "***") + ", argon2MemoryKib=" + argon2MemoryKib
                + ", argon2Iterations=" + argon2Iterations + "]";
    }
}
