package org.trackwell.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trackwell.identity.Invitation;
import org.trackwell.identity.SetupLink;
import org.trackwell.mail.Delivery;
import org.trackwell.shared.UserId;

class InvitationNoticeTest {

    @Test
    void saysNoEmailWentWhenNoMailServerIsSetUpAndNeverPrintsTheLink() {
        Invitation invitation = new Invitation(
                new UserId(UUID.randomUUID()),
                new SetupLink(
                        "pat@example.test",
                        "https://a.example/account/setup?token=secret",
                        Instant.parse("2026-12-04T09:30:00Z")),
                Delivery.notSent());

        InvitationNotice notice = InvitationNotice.of(invitation);

        assertThat(notice.emailed()).isFalse();
        assertThat(notice.whyNot()).contains("no mail server set up");
        assertThat(notice.until()).isEqualTo("4 December 2026 at 09:30 UTC");
        assertThat(notice.toString()).doesNotContain("secret");
    }
}
