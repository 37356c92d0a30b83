package org.trackwell;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesUseOnlyEachOthersApiAndHaveNoCycles() {
        ApplicationModules.of(TrackwellApplication.class).verify();
    }
}
