package org.trackwell.clients.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.clients.ClientSettings;
import org.trackwell.clients.Clients;
import org.trackwell.clients.Demographic;
import org.trackwell.clients.Identifier;
import org.trackwell.clients.IdentifyingText;

/** What the service records about clients, and the identifying-text detector for any free-text field. */
@RestController
@RequestMapping("/api/v1")
class ClientSettingsApi {

    record TextRequest(@NotNull @Size(max = 20000) String text) {}

    record TextCheck(String warning, List<IdentifyingText.Finding> findings) {}

    record SettingsRequest(
            @NotNull Set<Identifier> identifiers,
            @NotNull Set<Demographic> demographics,
            @Nullable Integer openCaseCap) {}

    private final Clients clients;
    private final IdentifyingText detector;

    ClientSettingsApi(Clients clients, IdentifyingText detector) {
        this.clients = clients;
        this.detector = detector;
    }

    /** The detector, for any free-text field of the product: what looks identifying, as one types. */
    @PostMapping("/identifying-text")
    TextCheck checkText(@Valid @RequestBody TextRequest body) {
        List<IdentifyingText.Finding> findings = detector.findIn(body.text());
        return new TextCheck(IdentifyingText.warning(findings), findings);
    }

    @GetMapping("/client-settings")
    ClientSettings settings() {
        return clients.settings();
    }

    @PutMapping("/client-settings")
    ClientSettings changeSettings(@Valid @RequestBody SettingsRequest body) {
        return clients.changeSettings(new ClientSettings(body.identifiers(), body.demographics(), body.openCaseCap()));
    }
}
