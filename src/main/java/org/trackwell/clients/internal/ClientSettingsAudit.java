package org.trackwell.clients.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The client settings by name, as the audit trail records a change of each with its old and new value. */
final class ClientSettingsAudit {

    private ClientSettingsAudit() {}

    static Map<String, String> of(ClientSettings settings) {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("identifiers", joined(settings.identifiers()));
        named.put("demographics", joined(settings.demographics()));
        named.put("open-case-cap", settings.openCaseCap() == null ? "" : String.valueOf(settings.openCaseCap()));
        return named;
    }

    private static String joined(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
