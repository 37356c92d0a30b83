package org.trackwell.backup.internal;

import org.trackwell.backup.S3Location;
import org.trackwell.backup.StoreLocation;

/** Opens the store at a location. */
final class BackupStores {

    private BackupStores() {}

    static BackupStore open(StoreLocation location) {
        return switch (location) {
            case StoreLocation.Directory directory -> new DirectoryStore(directory.path());
            case S3Location s3 -> new S3Store(s3);
        };
    }
}
