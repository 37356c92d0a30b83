/**
 * The medication administration record: medicines, prescriptions and their schedules, the
 * medication round, doses given, refused or missed, PRN rules, controlled-drug witnessing, stock
 * and the controlled-drug register, missed-dose alerts and the MAR chart. Its API is {@link
 * DosesDue}, {@link AsNeededDoses}, {@link StockRecords} and {@link CurrentMedication}, the doses, stock and running prescriptions the reports module adds up and prints (its settings provide {@code
 * shared.ServiceTimeZone}); the services and records are in {@code internal}, the controllers and
 * pages in {@code web}.
 */
@NullMarked
package org.trackwell.medication;

import org.jspecify.annotations.NullMarked;
