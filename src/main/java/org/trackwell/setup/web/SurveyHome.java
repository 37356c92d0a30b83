package org.trackwell.setup.web;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.setup.internal.Survey;
import org.trackwell.setup.internal.SurveyState;
import org.trackwell.web.HomePart;
import org.trackwell.web.HomeSection;

/** A tenant admin's home: the implementation survey, to answer first and to reopen later. */
@Component
class SurveyHome implements HomePart {

    /** Something to do, in words, and the page where it is done. */
    record SetupTask(String what, String where) {}

    private final Survey survey;

    SurveyHome(Survey survey) {
        this.survey = survey;
    }

    @Override
    public Optional<HomeSection> of(SignedInUser user) {
        if (!user.has(Role.TENANT_ADMIN)) {
            return Optional.empty();
        }
        boolean applied = survey.state().map(SurveyState::appliedAt).isPresent();
        SetupTask task = applied
                ? new SetupTask(
                        "Look at your implementation record, or reopen the implementation survey to change your answers.",
                        "/admin/settings/implementation-record")
                : new SetupTask(
                        "Answer the implementation survey: six short steps that set Trackwell up for your service.",
                        "/admin/setup");
        return Optional.of(
                new HomeSection(HomeSection.TENANT_ADMIN, "Implementation survey", "home", "setup", List.of(task)));
    }
}
