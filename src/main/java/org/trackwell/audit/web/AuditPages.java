package org.trackwell.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.trackwell.audit.AuditViewer;
import org.trackwell.audit.Outcome;
import org.trackwell.audit.internal.AuditRows;
import org.trackwell.audit.internal.StoredEvent;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The audit page for tenant admins and auditors: filter, page through, export as CSV. */
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 50;
    private static final int EXPORT_LIMIT = 100_000;
    private static final CsvMapper CSV = new CsvMapper();

    private final AuditViewer viewer;

    AuditPages(AuditViewer viewer) {
        this.viewer = viewer;
    }

    /** The page's filters; dates are whole days in UTC. */
    record Filters(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate from,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate to,

            @Nullable String action,
            @Nullable String actor,
            @Nullable String target,
            @Nullable Outcome outcome,
            @Nullable @Min(0) @Max(10_000) Integer page,
            @Nullable @Size(max = 100) List<UUID> entry) {

        /** {@code entry}: only these entries (an alert's link to the entries it rests on). */
        AuditRows.Filter toFilter() {
            return new AuditRows.Filter(
                    start(from),
                    to == null ? null : start(to.plusDays(1)),
                    blank(action),
                    blank(actor),
                    blank(target),
                    outcome == null ? null : outcome.name(),
                    entry == null ? List.of() : entry);
        }

        int pageNumber() {
            return page == null ? 0 : page;
        }

        private static @Nullable Instant start(@Nullable LocalDate day) {
            return day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        private static @Nullable String blank(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** One exported line; every text that a user could have typed is defused for spreadsheets. */
    record Line(
            String occurredAt,
            String actorType,
            String actorId,
            String actorRole,
            String action,
            String target,
            String outcome,
            String address,
            String userAgent,
            String requestId) {

        static Line of(StoredEvent event) {
            return new Line(
                    event.occurredAt().toString(),
                    event.actorType(),
                    cell(event.actorId()),
                    cell(event.actorRole()),
                    cell(event.action()),
                    cell(event.target()),
                    event.outcome(),
                    cell(event.address()),
                    cell(event.userAgent()),
                    cell(event.requestId()));
        }

        private static String cell(@Nullable String value) {
            if (value == null) {
                return "";
            }
            return value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        }
    }

    @GetMapping("/audit")
    String events(@Valid @ModelAttribute("filters") Filters filters, Model model) {
        List<StoredEvent> events =
                viewer.search(filters.toFilter(), PAGE_SIZE + 1, (long) filters.pageNumber() * PAGE_SIZE);
        model.addAttribute("events", events.subList(0, Math.min(events.size(), PAGE_SIZE)));
        model.addAttribute("hasNext", events.size() > PAGE_SIZE);
        model.addAttribute("page", filters.pageNumber());
        model.addAttribute("outcomes", Outcome.values());
        return "audit/events";
    }

    @GetMapping("/audit/export.csv")
    void export(@ModelAttribute Filters filters, HttpServletResponse response) throws IOException {
        List<Line> lines = viewer.export(filters.toFilter(), EXPORT_LIMIT).stream()
                .map(Line::of)
                .toList();
        CsvSchema schema = CSV.schemaFor(Line.class).withHeader();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        response.getOutputStream()
                .write(CSV.writer(schema).writeValueAsString(lines).getBytes(StandardCharsets.UTF_8));
    }
}
