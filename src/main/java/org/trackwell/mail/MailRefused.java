package org.trackwell.mail;

import org.trackwell.shared.Refusal;

/** An action on a kept e-mail the product turns down, with why in words. */
public final class MailRefused extends Refusal {

    MailRefused(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Bad Request";
    }
}
