package org.trackwell.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.trackwell.identity.SessionToken;

/** The JSON bodies of signing in and of redeeming a set-up token, for users and operators alike. */
final class SignInBodies {

    private SignInBodies() {}

    record LoginRequest(
            @NotBlank @Size(max = 320) String email,
            @NotNull @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + ", password=***]";
        }
    }

    record LoginResponse(String token, Instant expiresAt, int idleTimeoutSeconds) {

        static LoginResponse of(SessionToken session) {
            return new LoginResponse(session.token(), session.expiresAt(), session.idleTimeoutSeconds());
        }

        @Override
        public String toString() {
            return "LoginResponse[token=***]";
        }
    }

    record SetupRequest(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "SetupRequest[***]";
        }
    }
}
