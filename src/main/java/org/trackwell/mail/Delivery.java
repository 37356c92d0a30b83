package org.trackwell.mail;

/**
 * What became of one e-mail. Inside a transaction it is {@link Status#PENDING} until the commit,
 * after which the sender knows whether the SMTP server took it; a page that shows a link it
 * e-mailed reads this after the service call returns, and says the truth.
 */
public final class Delivery {

    public enum Status {
        PENDING,
        /** The SMTP server accepted the message. */
        SENT,
        /** No SMTP server is configured ({@code spring.mail.host}). */
        NOT_CONFIGURED,
        /** The SMTP server could not be reached or refused the message: it is kept and tried again. */
        FAILED
    }

    private volatile Status status = Status.PENDING;

    public Status status() {
        return status;
    }

    /** Whether the SMTP server accepted the message. */
    public boolean sent() {
        return status == Status.SENT;
    }

    void settle(Status outcome) {
        status = outcome;
    }

    /** A delivery that was never attempted, for links that are handed over without e-mail. */
    public static Delivery notSent() {
        Delivery delivery = new Delivery();
        delivery.settle(Status.NOT_CONFIGURED);
        return delivery;
    }
}
