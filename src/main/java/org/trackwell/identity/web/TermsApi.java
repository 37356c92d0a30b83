package org.trackwell.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Terms;
import org.trackwell.identity.TermsOfUse;
import org.trackwell.shared.NothingHere;

@RestController
@RequestMapping("/api/v1/me/terms")
class TermsApi {

    private final Terms terms;

    TermsApi(Terms terms) {
        this.terms = terms;
    }

    record Acceptance(@NotBlank String version) {}

    record TermsView(String version, String text, Instant publishedAt) {

        static TermsView of(TermsOfUse terms) {
            return new TermsView(terms.version(), terms.text(), terms.publishedAt());
        }
    }

    /** The terms the caller has still to accept, or else the current ones. */
    @GetMapping
    TermsView current(@AuthenticationPrincipal SignedInUser user) {
        return terms.shown(user).map(TermsView::of).orElseThrow(NothingHere::new);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void accept(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody Acceptance body) {
        terms.accept(user, body.version());
    }
}
