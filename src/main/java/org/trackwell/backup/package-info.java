/**
 * Backups of the embedded database with PostgreSQL's own mechanisms: base backups through the
 * low-level API ({@code pg_backup_start}/{@code pg_backup_stop}) and continuous WAL archiving,
 * every file sealed under the backup key; restore to the latest moment or any moment inside the
 * retention window.
 */
@NullMarked
package org.trackwell.backup;

import org.jspecify.annotations.NullMarked;
