package org.trackwell.identity;

import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.trackwell.shared.ConfirmItIsYou;
import org.trackwell.shared.StepUp;

/** Step-up against the session: when its user last gave their password or a second factor. */
@Component
class RecentConfirmation implements StepUp {

    private final IdentityProperties properties;
    private final Clock clock;

    RecentConfirmation(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void requireRecentConfirmation() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof SignedInUser user)
                || user.verifiedAt().plus(properties.stepUpValidity()).isBefore(clock.instant())) {
            throw new ConfirmItIsYou();
        }
    }
}
