package org.trackwell.clients.web;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trackwell.clients.internal.TeamOverview;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.web.HomePart;
import org.trackwell.web.HomeSection;

/** A manager's home: their teams' clients, and those waiting for a practitioner. */
@Component
class TeamsHome implements HomePart {

    private final TeamOverview overview;

    TeamsHome(TeamOverview overview) {
        this.overview = overview;
    }

    @Override
    public Optional<HomeSection> of(SignedInUser user) {
        if (!user.has(Role.MANAGER)) {
            return Optional.empty();
        }
        return Optional.of(new HomeSection(
                HomeSection.MANAGER + 10, "Your teams' clients", "clients/home", "teams", overview.of(user)));
    }
}
