package org.trackwell.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trackwell.clients.Clients;
import org.trackwell.medication.DosesDue;
import org.trackwell.outcomes.ClientOutcomes;
import org.trackwell.reports.internal.ClientSummaries;
import org.trackwell.tenancy.OptionalModule;

class ModuleGateTest {

    @Test
    void aModulesOwnClassesBelongToItAndOtherModulesClassesDoNot() {
        assertThat(ModuleGate.ofClass(DosesDue.class)).contains(OptionalModule.MEDICATION);
        assertThat(ModuleGate.ofClass(ClientOutcomes.class)).contains(OptionalModule.OUTCOMES);
        assertThat(ModuleGate.ofClass(Clients.class)).isEmpty();
        assertThat(ModuleGate.ofClass(ClientSummaries.class)).isEmpty();
    }

    @Test
    void theReportsAboutAModuleFollowItAndNothingThatMerelyStartsAlike() {
        assertThat(ModuleGate.ofPath("/reports/medication")).contains(OptionalModule.MEDICATION);
        assertThat(ModuleGate.ofPath("/reports/medication/export")).contains(OptionalModule.MEDICATION);
        assertThat(ModuleGate.ofPath("/api/v1/reports/outcomes/episodes")).contains(OptionalModule.OUTCOMES);
        assertThat(ModuleGate.ofPath("/reports/medicationx")).isEmpty();
        assertThat(ModuleGate.ofPath("/clients/ABC/summary")).isEmpty();
    }
}
