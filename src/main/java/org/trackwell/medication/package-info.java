/**
 * The medication administration record: medicines, prescriptions and their schedules, the
 * medication round, doses given, refused or missed, PRN rules, controlled-drug witnessing, stock
 * and the controlled-drug register, missed-dose alerts and the MAR chart.
 */
@NullMarked
package org.trackwell.medication;

import org.jspecify.annotations.NullMarked;
