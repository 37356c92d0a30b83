package org.trackwell.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How e-mail the SMTP server did not take is tried again.
 *
 * @param from the sender's address
 * @param firstRetry the wait before the second try; each later wait is twice the one before
 * @param tries how many tries in all before a message is given up (and shown as such to admins)
 * @param keepGivenUpFor how long a given-up message stays on the admins' page before it is deleted:
 *     it can hold a client's address, and its link has expired by then
 */
@ConfigurationProperties("trackwell.mail")
public record MailProperties(
        @DefaultValue("trackwell@localhost") String from,
        @DefaultValue("2m") Duration firstRetry,
        @DefaultValue("6") int tries,
        @DefaultValue("3d") Duration keepGivenUpFor) {

    /** When the next try is due after {@code tried} failed tries, or none when it is time to give up. */
    Duration waitAfter(int tried) {
        return firstRetry.multipliedBy(1L << Math.min(tried - 1, 20));
    }
}
