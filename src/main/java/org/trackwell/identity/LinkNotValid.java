package org.trackwell.identity;

import org.trackwell.shared.Refusal;

public final class LinkNotValid extends Refusal {

    public LinkNotValid() {
        super("This link is not valid or has expired. Ask your administrator for a new one.");
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Link not valid";
    }
}
