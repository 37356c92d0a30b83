package org.trackwell.clients;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.internal.ClientRegistration;
import org.trackwell.clients.internal.ClientSettings;
import org.trackwell.clients.internal.Identifier;
import org.trackwell.clients.internal.Identifiers;
import org.trackwell.clients.internal.Settings;
import org.trackwell.identity.SignedInUser;

/**
 * Which identifying details the service records about its clients, for the implementation survey:
 * a narrow view of the client settings that changes only the identifiers, through the same {@link
 * Settings#change} (and so the same checks and audit) as the client settings page; and one
 * client's recorded details, for the client summary.
 */
@Service
public class ClientIdentifiers {

    private final Settings settings;
    private final ClientRegistration registration;

    ClientIdentifiers(Settings settings, ClientRegistration registration) {
        this.settings = settings;
        this.registration = registration;
    }

    /** Every identifier a service may switch on, by name, in words. */
    public Map<String, String> offered() {
        Map<String, String> offered = new LinkedHashMap<>();
        for (Identifier identifier : Identifier.values()) {
            offered.put(identifier.name(), words(identifier));
        }
        return offered;
    }

    public Set<String> chosen() {
        return settings.current().identifiers().stream().map(Identifier::name).collect(Collectors.toSet());
    }

    /** Records only these identifiers from now on (none: no identifying details at all). */
    public void choose(Set<String> names) {
        Set<Identifier> identifiers = EnumSet.noneOf(Identifier.class);
        names.forEach(name -> identifiers.add(Identifier.valueOf(name)));
        ClientSettings current = settings.current();
        if (!identifiers.equals(current.identifiers())) {
            settings.change(new ClientSettings(identifiers, current.demographics(), current.openCaseCap()));
        }
    }

    /**
     * The client's identifying details that the service records, in words and in the order the
     * client's page shows them; empty when the service records none. The caller has reached the
     * client and records the reading.
     */
    @Transactional(readOnly = true)
    public Map<String, String> of(SignedInUser user, ClientRef client) {
        Identifiers recorded = registration.record(user, client).identifiers();
        Map<String, String> shown = new LinkedHashMap<>();
        settings.current().identifiers().stream().sorted().forEach(identifier -> {
            String value = recorded.get(identifier);
            if (value != null) {
                shown.put(words(identifier), value);
            }
        });
        return shown;
    }

    public static String words(Identifier identifier) {
        return switch (identifier) {
            case NAME -> "Name";
            case DATE_OF_BIRTH -> "Date of birth";
            case NHS_NUMBER -> "NHS number";
            case ADDRESS -> "Address";
            case EMAIL -> "E-mail address";
            case PHONE -> "Phone number";
        };
    }
}
