package org.trackwell.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Where backup files go: named files, written whole or not at all. Every file in it is sealed
 * (see {@link Sealing}); the store itself is trusted with nothing.
 */
interface BackupStore {

    /** A new file, visible under its name only once the stream is closed without error. */
    OutputStream create(String name) throws IOException;

    InputStream open(String name) throws IOException;

    boolean exists(String name);

    /** The names under a prefix ({@code "wal/"}), in name order. */
    List<String> list(String prefix) throws IOException;

    long size(String name) throws IOException;

    void delete(String name) throws IOException;

    /** Where the store is, for people: a directory or a bucket. */
    String describe();
}
