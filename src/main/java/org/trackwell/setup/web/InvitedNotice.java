package org.trackwell.setup.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.trackwell.identity.Invitation;

/**
 * What the record page says once after applying, for each invitation: whether the e-mail went, and
 * when it did not, the one-time link to hand over in person. The link is a secret: shown once.
 */
record InvitedNotice(String email, String url, String until, boolean emailed) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    static InvitedNotice of(Invitation invitation) {
        return new InvitedNotice(
                invitation.link().email(),
                invitation.link().url(),
                WHEN.format(invitation.link().expiresAt()),
                invitation.delivery().sent());
    }

    @Override
    public String toString() {
        return "InvitedNotice[email=" + email + ", url=***, emailed=" + emailed + "]";
    }
}
