package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.Passwords;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;

@RestController
@RequestMapping("/api/v1/me")
class MeApi {

    private final Passwords passwords;

    MeApi(Passwords passwords) {
        this.passwords = passwords;
    }

    record Me(
            UUID id,
            String email,
            String displayName,
            Set<Role> roles,
            Set<UUID> teams,
            Instant sessionExpiresAt,
            int idleTimeoutSeconds) {}

    record PasswordChange(
            @NotNull @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    @GetMapping
    Me me(@AuthenticationPrincipal SignedInUser user) {
        return new Me(
                user.id().value(),
                user.email(),
                user.displayName(),
                user.roles(),
                user.teams(),
                user.expiresAt(),
                user.idleTimeoutSeconds());
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody PasswordChange body,
            HttpServletRequest request) {
        passwords.change(user, body.currentPassword(), body.newPassword());
    }
}
