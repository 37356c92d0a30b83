package org.trackwell.portability.internal;

import java.time.Instant;
import java.util.List;
import org.trackwell.tenancy.Tenant;

/** The archive's own README: what it is, how its files are laid out and how to verify the trail. */
final class Readme {

    private Readme() {}

    static List<String> lines(Tenant tenant, Instant at, int version) {
        return List.of(
                "# Trackwell tenant archive",
                "",
                "Everything Trackwell held for " + tenant.displayName() + " (" + tenant.slug() + ") at " + at
                        + " (UTC), format version " + version + ".",
                "The format is documented in Trackwell's docs/exports.md; manifest.json lists every file with"
                        + " its number of lines.",
                "",
                "- `data/<table>.jsonl`: one JSON object a line for each row of that table, named by its columns."
                        + " Identifiers are UUIDs; times are ISO 8601 in UTC; text Trackwell keeps sealed under the"
                        + " client's key is opened (null where the client was erased).",
                "- `audit/chain.jsonl`: the audit trail, one entry a line in chain order, each with the SHA-256"
                        + " hash that seals it (over the previous hash and the entry).",
                "- `audit/checkpoints.txt`: the signed checkpoints: stream, sequence, hash (hex), signing time"
                        + " (microseconds since 1970) and Ed25519 signature (base64).",
                "- `audit/signing-key.pub`: the public key (X.509, base64) that verifies the checkpoints.",
                "",
                "Keep this archive as safe as the service itself: it holds the clients' records in the clear.",
                "",
                "## Columns of each file");
    }
}
