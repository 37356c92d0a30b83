package org.trackwell.web;

import java.util.Optional;
import org.trackwell.identity.SignedInUser;

/**
 * A part of the home page, shown by the module whose work it is: a carer's round today, a
 * practitioner's caseload, what needs a manager, a tenant admin's set-up tasks. The home page shows
 * every part that has something for the signed-in user, so a person with several roles sees each.
 */
public interface HomePart {

    /** What this part shows the user, or empty when it is not for any of their roles. */
    Optional<HomeSection> of(SignedInUser user);
}
