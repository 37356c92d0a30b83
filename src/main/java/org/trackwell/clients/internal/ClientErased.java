package org.trackwell.clients.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.shared.Refusal;

/** The client's record was erased: only its tombstone is left, which is all anyone is told. */
public final class ClientErased extends Refusal {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public ClientErased(PseudonymCode code, StoredClient.Tombstone tombstone, ZoneId zone) {
        super("The record of client " + code + " was erased on "
                + UK_DATE.format(tombstone.at().atZone(zone)) + ", by erasure request " + tombstone.request()
                + ". Only its code is left.");
    }

    @Override
    public int status() {
        return 410;
    }

    @Override
    public String title() {
        return "Client erased";
    }
}
