package org.trackwell.backup;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups of the embedded database.
 *
 * @param directory the backup store: a directory on another disk or a network mount (default:
 *     {@code backups} beside the data directory)
 * @param s3 the backup store in S3 or an S3-compatible object store instead, when its bucket is set
 * @param schedule when base backups are taken (cron, in the server's time zone; default daily at 02:00)
 * @param retention how long base backups and the WAL after them are kept
 * @param shipEvery how often archived WAL segments are sealed into the store
 * @param checkSchedule when the latest backup is restored and replayed into a scratch copy, to
 *     prove it restores (cron; default weekly, Sundays at 04:00)
 */
@ConfigurationProperties("trackwell.backup")
public record BackupProperties(
        @Nullable String directory,
        @Nullable S3Location s3,
        @DefaultValue("0 0 2 * * *") String schedule,
        @DefaultValue("35d") Duration retention,
        @DefaultValue("5s") Duration shipEvery,
        @DefaultValue("0 0 4 * * SUN") String checkSchedule) {}
