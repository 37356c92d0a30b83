package org.trackwell.identity.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.trackwell.identity.Invitation;
import org.trackwell.mail.Delivery;

/**
 * What the users page says once after an invitation: whether the e-mail went, and the one-time
 * link to hand over in person when it did not. The link is a secret: never logged, shown once.
 */
record InvitationNotice(String email, String url, String until, boolean emailed, String whyNot) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    static InvitationNotice of(Invitation invitation) {
        Delivery.Status status = invitation.delivery().status();
        String whyNot = switch (status) {
            case SENT -> "";
            case NOT_CONFIGURED -> "This service has no mail server set up, so no e-mail was sent.";
            case FAILED, PENDING -> "The e-mail could not be sent: the mail server did not take it.";
        };
        return new InvitationNotice(
                invitation.link().email(),
                invitation.link().url(),
                WHEN.format(invitation.link().expiresAt()),
                invitation.delivery().sent(),
                whyNot);
    }

    @Override
    public String toString() {
        return "InvitationNotice[email=" + email + ", url=***, emailed=" + emailed + "]";
    }
}
