package org.trackwell.clients;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.trackwell.clients.internal.ClientSettings;
import org.trackwell.clients.internal.Identifier;
import org.trackwell.clients.internal.Settings;

/**
 * Which identifying details the service records about its clients, for the implementation survey:
 * a narrow view of the client settings that changes only the identifiers, through the same {@link
 * Settings#change} (and so the same checks and audit) as the client settings page.
 */
@Service
public class ClientIdentifiers {

    private final Settings settings;

    ClientIdentifiers(Settings settings) {
        this.settings = settings;
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
