package org.trackwell.backup;

import java.nio.file.Path;

/** Where the backup store is: a directory (a second disk or a network mount), or an S3 bucket. */
public sealed interface StoreLocation permits StoreLocation.Directory, S3Location {

    record Directory(Path path) implements StoreLocation {}
}
