package org.trackwell.reports;

import java.time.Instant;
import java.util.UUID;
import org.trackwell.shared.TenantId;

/**
 * A report, list or archive was exported in full; published in the transaction that wrote it.
 *
 * @param export what was exported, such as {@code outcomes} or {@code tenant-archive}
 * @param format the file's kind, such as {@code csv}
 * @param rows how many rows the file holds; for an archive, every line of its data files
 */
public record ExportFinished(TenantId tenant, UUID id, String export, String format, long rows, Instant finishedAt) {}
