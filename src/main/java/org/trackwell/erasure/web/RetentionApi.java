package org.trackwell.erasure.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.erasure.internal.DueClient;
import org.trackwell.erasure.internal.Retention;
import org.trackwell.erasure.internal.RetentionSettings;
import org.trackwell.identity.SignedInUser;

/** Retention for tenant admins: the settings, the clients due for erasure, and extensions. */
@RestController
@RequestMapping("/api/v1")
class RetentionApi {

    record Due(String client, boolean child, LocalDate lastContact, LocalDate dueOn) {

        static Due of(DueClient due) {
            return new Due(due.client().code().toString(), due.child(), due.lastContact(), due.dueOn());
        }
    }

    record Extension(
            @NotNull @Size(max = 40) String client,
            @NotNull LocalDate until,
            @NotNull @Size(max = 2000) String reason,
            @Nullable Boolean acknowledgeIdentifying) {}

    record RetentionChoices(
            @NotNull Integer adultYears,
            @NotNull Integer childUntilAge,
            @NotNull Boolean automatic) {}

    private final Retention retention;

    RetentionApi(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/retention/due")
    List<Due> due() {
        return retention.due().stream().map(Due::of).toList();
    }

    @PostMapping("/retention/extensions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void extend(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody Extension body) {
        retention.extend(
                user, body.client(), body.until(), body.reason(), Boolean.TRUE.equals(body.acknowledgeIdentifying()));
    }

    @GetMapping("/retention-settings")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    RetentionChoices settings() {
        RetentionSettings current = retention.settings();
        return new RetentionChoices(current.adultYears(), current.childUntilAge(), current.automatic());
    }

    @PutMapping("/retention-settings")
    RetentionChoices change(@Valid @RequestBody RetentionChoices body) {
        retention.change(new RetentionSettings(body.adultYears(), body.childUntilAge(), body.automatic()));
        return settings();
    }
}
