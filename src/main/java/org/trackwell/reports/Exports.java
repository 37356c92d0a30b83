package org.trackwell.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.FilePasswords;
import org.trackwell.identity.SignedInUser;
import org.trackwell.reports.internal.ExportAllowance;
import org.trackwell.reports.internal.TableWriter;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;

/**
 * The one way a report or list is downloaded: within the user's allowance, with a password only
 * for a workbook and only a strong one, streamed row by row from the query as it runs, and
 * recorded (who, what, filters, format, rows) in the same transaction.
 */
@Service
public class Exports {

    private final ExportAllowance allowance;
    private final FilePasswords passwords;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;

    Exports(
            ExportAllowance allowance,
            FilePasswords passwords,
            AuditTrail trail,
            ApplicationEventPublisher events,
            Ids ids,
            Clock clock) {
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.allowance = allowance;
        this.passwords = passwords;
        this.trail = trail;
    }

    /** Where the file goes: called once every check has passed, to set the response's headers. */
    @FunctionalInterface
    public interface Download {
        OutputStream start(ExportFormat format, String fileName) throws IOException;
    }

    /**
     * Checks the request, then writes the table with the rows {@code query} gives, in this
     * transaction; returns how many rows were written.
     */
    @Transactional
    public long export(
            SignedInUser user,
            ExportTable table,
            ExportFormat format,
            @Nullable String password,
            Download download,
            Consumer<ExportRows> query) {
        String protection = password == null || password.isEmpty() ? null : password;
        try {
            allowance.take(user);
        } catch (ExportsTooFrequent refused) {
            trail.recordSeparately(
                    user.asActor(), AuditAction.REPORT_EXPORTED, target(table, format, null), Outcome.DENIED);
            throw refused;
        }
        check(user, format, protection);
        long[] rows = {0};
        try (TableWriter writer = TableWriter.open(
                format, table, download.start(format, table.name() + "." + format.extension()), protection)) {
            query.accept(cells -> {
                try {
                    writer.row(cells);
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        trail.record(AuditAction.REPORT_EXPORTED, target(table, format, rows[0]), Outcome.SUCCESS);
        events.publishEvent(new ExportFinished(
                CurrentTenant.require(), ids.next(), table.name(), format.extension(), rows[0], clock.instant()));
        return rows[0];
    }

    private void check(SignedInUser user, ExportFormat format, @Nullable String password) {
        if (password == null) {
            return;
        }
        if (format != ExportFormat.XLSX) {
            throw new ReportRefused("Only an Excel workbook (XLSX) can be protected with a password.");
        }
        List<String> weaknesses = passwords.weaknesses(user, password);
        if (!weaknesses.isEmpty()) {
            throw new ReportRefused(
                    "Choose a stronger password to protect the workbook: " + String.join(" ", weaknesses), weaknesses);
        }
    }

    private static String target(ExportTable table, ExportFormat format, @Nullable Long rows) {
        Map<String, String> parts = new TreeMap<>(table.recorded());
        parts.put("format", format.extension());
        if (rows != null) {
            parts.put("rows", Long.toString(rows));
        }
        return "report:" + table.name() + "?"
                + parts.entrySet().stream()
                        .map(e -> e.getKey() + "=" + UriUtils.encodeQueryParam(e.getValue(), "UTF-8"))
                        .collect(Collectors.joining("&"));
    }
}
