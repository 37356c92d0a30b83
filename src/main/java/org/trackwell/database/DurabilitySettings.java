package org.trackwell.database;

/**
 * The server settings that decide whether an acknowledged write survives a crash or power cut, as
 * the database reports them ({@code on}/{@code off}, {@code replica}).
 */
public record DurabilitySettings(
        String fsync, String synchronousCommit, String fullPageWrites, String dataChecksums, String walLevel) {

    /** fsync and full-page writes on, commits waiting for their flush: nothing acknowledged is lost in a crash. */
    public boolean safe() {
        return "on".equals(fsync) && !"off".equals(synchronousCommit) && "on".equals(fullPageWrites);
    }
}
