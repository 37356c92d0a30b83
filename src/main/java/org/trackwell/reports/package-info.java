/**
 * Service reports and their downloads: the outcomes report (figures over a period, team,
 * practitioner, measure and episode stage, and the episodes behind each figure) and the one
 * exporter every report and list uses (CSV, XLSX, optionally password-protected, and PDF),
 * streamed, audited and limited per user. docs/reports.md has the definitions and formats.
 */
@NullMarked
package org.trackwell.reports;

import org.jspecify.annotations.NullMarked;
