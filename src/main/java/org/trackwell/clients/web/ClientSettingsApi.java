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
import org.trackwell.clients.internal.ClientSettings;
import org.trackwell.clients.internal.Demographic;
import org.trackwell.clients.internal.Identifier;
import org.trackwell.clients.internal.IdentifyingText;
import org.trackwell.clients.internal.Settings;

/** What the service records about clients, and the identifying-text detector for any free-text field. */
@RestController
@RequestMapping("/api/v1")
class ClientSettingsApi {

    record TextRequest(@NotNull @Size(max = 20000) String text) {}

    record TextCheck(String warning, List<FindingView> findings) {}

    /** One thing in the text that looks identifying: what kind, where it starts and ends, and the text itself. */
    record FindingView(IdentifyingText.Kind kind, int start, int end, String text) {

        static FindingView of(IdentifyingText.Finding finding) {
            return new FindingView(finding.kind(), finding.start(), finding.end(), finding.text());
        }

        @Override
        public String toString() {
            return "FindingView[" + kind + ", " + start + "-" + end + "]";
        }
    }

    record ClientSettingsRequest(
            @NotNull Set<Identifier> identifiers,
            @NotNull Set<Demographic> demographics,
            @Nullable Integer openCaseCap) {}

    private final Settings settings;
    private final IdentifyingText detector;

    ClientSettingsApi(Settings settings, IdentifyingText detector) {
        this.settings = settings;
        this.detector = detector;
    }

    /** The detector, for any free-text field of the product: what looks identifying, as one types. */
    @PostMapping("/identifying-text")
    TextCheck checkText(@Valid @RequestBody TextRequest body) {
        List<IdentifyingText.Finding> findings = detector.findIn(body.text());
        return new TextCheck(
                IdentifyingText.warning(findings),
                findings.stream().map(FindingView::of).toList());
    }

    record ClientSettingsView(
            Set<Identifier> identifiers,
            Set<Demographic> demographics,
            @Nullable Integer openCaseCap) {

        static ClientSettingsView of(ClientSettings settings) {
            return new ClientSettingsView(settings.identifiers(), settings.demographics(), settings.openCaseCap());
        }
    }

    @GetMapping("/client-settings")
    ClientSettingsView settings() {
        return ClientSettingsView.of(settings.current());
    }

    @PutMapping("/client-settings")
    ClientSettingsView changeSettings(@Valid @RequestBody ClientSettingsRequest body) {
        return ClientSettingsView.of(
                settings.change(new ClientSettings(body.identifiers(), body.demographics(), body.openCaseCap())));
    }
}
