package org.trackwell.reports.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.trackwell.reports.internal.AsNeededReport;
import org.trackwell.reports.internal.MedicationReport;
import org.trackwell.reports.internal.StockReport;

/** The medication reports' lines as the API shows them; clients by pseudonym code, people by name. */
final class MedicationReportViews {

    private MedicationReportViews() {}

    /** A dose due and not recorded, and why it counts as missed. */
    record MissedDoseView(String client, String team, String medicine, LocalDate dueOn, String dueAt, String why) {

        static MissedDoseView of(MedicationReport.MissedDose dose) {
            return new MissedDoseView(
                    dose.client(), dose.team(), dose.medicine(), dose.dueOn(), dose.dueAt(), dose.why());
        }
    }

    /** How often a client was given an as-needed medicine and how it helped. */
    record AsNeededUseView(
            String client,
            String medicine,
            int given,
            int helped,
            int helpedALittle,
            int didNotHelp,
            int notRecorded,
            int overLimits) {

        static AsNeededUseView of(AsNeededReport.Use use) {
            return new AsNeededUseView(
                    use.client(),
                    use.medicine(),
                    use.given(),
                    use.helped(),
                    use.helpedALittle(),
                    use.didNotHelp(),
                    use.notRecorded(),
                    use.overLimits());
        }
    }

    /** An as-needed dose given over its limits. */
    record GivenOverLimitsView(
            String client, String team, String medicine, LocalDate givenOn, String givenAt, String effect) {

        static GivenOverLimitsView of(AsNeededReport.GivenOverLimits dose) {
            return new GivenOverLimitsView(
                    dose.client(), dose.team(), dose.medicine(), dose.givenOn(), dose.givenAt(), dose.effect());
        }
    }

    /** One line of the controlled drugs register. */
    record RegisterEntryView(
            String medicine,
            String client,
            LocalDate on,
            String at,
            String entry,
            @Nullable BigDecimal in,
            @Nullable BigDecimal out,
            @Nullable BigDecimal counted,
            BigDecimal balance,
            String batch,
            String recordedBy,
            String witness) {

        static RegisterEntryView of(StockReport.Entry entry) {
            return new RegisterEntryView(
                    entry.medicine(),
                    entry.client(),
                    entry.on(),
                    entry.at(),
                    entry.entry(),
                    entry.in(),
                    entry.out(),
                    entry.counted(),
                    entry.balance(),
                    entry.batch(),
                    entry.recordedBy(),
                    entry.witness());
        }
    }

    /** A stock count that differed from the record held. */
    record CountDifferedView(
            String client,
            String team,
            String medicine,
            LocalDate countedOn,
            String countedAt,
            BigDecimal recordHeld,
            BigDecimal counted,
            BigDecimal difference,
            String countedBy,
            String witness,
            String followUp) {

        static CountDifferedView of(StockReport.CountDiffered count) {
            return new CountDifferedView(
                    count.client(),
                    count.team(),
                    count.medicine(),
                    count.countedOn(),
                    count.countedAt(),
                    count.recordHeld(),
                    count.counted(),
                    count.difference(),
                    count.countedBy(),
                    count.witness(),
                    count.followUp());
        }
    }
}
