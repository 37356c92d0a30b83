package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.AccountStatus;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Invitation;
import org.trackwell.identity.OpenSession;
import org.trackwell.identity.Policies;
import org.trackwell.identity.Role;
import org.trackwell.identity.SecondFactors;
import org.trackwell.identity.SecurityPolicy;
import org.trackwell.identity.Team;
import org.trackwell.identity.User;
import org.trackwell.shared.UserId;

/**
 * The tenant admin's management of users, teams and the security policy. The services decide who
 * may change and read them; the lists and the policy, which the services give everyone who
 * needs them, are checked here.
 */
@RestController
@RequestMapping("/api/v1")
class UsersApi {

    private final Accounts accounts;
    private final Policies policies;

    private final SecondFactors secondFactors;

    UsersApi(Accounts accounts, Policies policies, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.policies = policies;
    }

    record InviteRequest(
            @NotBlank @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull Set<Role> roles,
            @Nullable List<UUID> teams) {}

    /** {@code emailed} is false when the e-mail did not go: the admin hands the link over in person. */
    record Invited(UUID id, String email, String setupLink, Instant expiresAt, boolean emailed) {

        static Invited of(Invitation invitation) {
            return new Invited(
                    invitation.user().value(),
                    invitation.link().email(),
                    invitation.link().url(),
                    invitation.link().expiresAt(),
                    invitation.delivery().sent());
        }
    }

    record UserView(
            UUID id,
            String email,
            String displayName,
            AccountStatus status,
            Set<Role> roles,
            List<TeamView> teams,
            @Nullable Instant lockedUntil) {

        static UserView of(User user) {
            return new UserView(
                    user.id().value(),
                    user.email(),
                    user.displayName(),
                    user.status(),
                    user.roles(),
                    user.teams().stream().map(TeamView::of).toList(),
                    user.lockedUntil());
        }
    }

    record TeamView(UUID id, String name) {

        static TeamView of(Team team) {
            return new TeamView(team.id(), team.name());
        }
    }

    record SecurityPolicyView(
            int minPasswordLength,
            int passwordHistory,
            boolean compositionRules,
            int lockoutThreshold,
            int lockoutMinutes,
            int maxLockoutMinutes,
            int idleTimeoutSeconds,
            Set<Role> secondFactorRoles,
            int disableUnusedAfterDays) {

        static SecurityPolicyView of(SecurityPolicy policy) {
            return new SecurityPolicyView(
                    policy.minPasswordLength(),
                    policy.passwordHistory(),
                    policy.compositionRules(),
                    policy.lockoutThreshold(),
                    policy.lockoutMinutes(),
                    policy.maxLockoutMinutes(),
                    policy.idleTimeoutSeconds(),
                    policy.secondFactorRoles(),
                    policy.disableUnusedAfterDays());
        }
    }

    record RolesRequest(@NotNull Set<Role> roles) {}

    record TeamsRequest(@NotNull List<UUID> teams) {}

    record TeamRequest(@NotBlank @Size(max = 100) String name) {}

    record PolicyRequest(
            int minPasswordLength,
            int passwordHistory,
            boolean compositionRules,
            int lockoutThreshold,
            int lockoutMinutes,
            int maxLockoutMinutes,
            int idleTimeoutSeconds,
            @Nullable Set<Role> secondFactorRoles,
            @Nullable Integer disableUnusedAfterDays) {

        /** A request without {@code secondFactorRoles} or {@code disableUnusedAfterDays} keeps the current ones. */
        SecurityPolicy toPolicy(SecurityPolicy current) {
            return new SecurityPolicy(
                    minPasswordLength,
                    passwordHistory,
                    compositionRules,
                    lockoutThreshold,
                    lockoutMinutes,
                    maxLockoutMinutes,
                    idleTimeoutSeconds,
                    secondFactorRoles == null ? current.secondFactorRoles() : secondFactorRoles,
                    disableUnusedAfterDays == null ? current.disableUnusedAfterDays() : disableUnusedAfterDays);
        }
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    List<UserView> users() {
        return accounts.list().stream().map(UserView::of).toList();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    Invited invite(@Valid @RequestBody InviteRequest body) {
        Invitation invitation = accounts.invite(
                body.email(), body.displayName(), body.roles(), body.teams() == null ? List.of() : body.teams());
        return Invited.of(invitation);
    }

    @PostMapping("/users/{id}/invitation")
    Invited reissueInvitation(@PathVariable UUID id) {
        return Invited.of(accounts.reissueInvitation(new UserId(id)));
    }

    @GetMapping("/users/{id}")
    UserView user(@PathVariable UUID id) {
        return UserView.of(accounts.get(new UserId(id)));
    }

    @PostMapping("/users/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable UUID id) {
        accounts.disable(new UserId(id));
    }

    @PostMapping("/users/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable UUID id) {
        accounts.enable(new UserId(id));
    }

    @PostMapping("/users/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable UUID id, HttpServletRequest request) {
        accounts.unlock(new UserId(id));
    }

    /** For a lost phone: the user sets up a second factor again at their next sign-in. */
    @PostMapping("/users/{id}/mfa/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetSecondFactor(@PathVariable UUID id) {
        secondFactors.reset(new UserId(id));
    }

    @PutMapping("/users/{id}/roles")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void roles(@PathVariable UUID id, @Valid @RequestBody RolesRequest body) {
        accounts.changeRoles(new UserId(id), body.roles());
    }

    @PutMapping("/users/{id}/teams")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void teams(@PathVariable UUID id, @Valid @RequestBody TeamsRequest body) {
        accounts.changeTeams(new UserId(id), body.teams());
    }

    /** A signed-in session of a user; {@code key} tells sessions apart without being their token. */
    record SignedInSessionView(String key, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {

        static SignedInSessionView of(OpenSession session) {
            return new SignedInSessionView(
                    session.key(), session.createdAt(), session.lastUsedAt(), session.expiresAt());
        }
    }

    @GetMapping("/users/{id}/sessions")
    List<SignedInSessionView> sessions(@PathVariable UUID id) {
        return accounts.openSessions(new UserId(id)).stream()
                .map(SignedInSessionView::of)
                .toList();
    }

    @GetMapping("/teams")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    List<TeamView> teams() {
        return accounts.teams().stream().map(TeamView::of).toList();
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    TeamView createTeam(@Valid @RequestBody TeamRequest body) {
        return TeamView.of(accounts.createTeam(body.name()));
    }

    @GetMapping("/security-policy")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    SecurityPolicyView policy() {
        return SecurityPolicyView.of(policies.current());
    }

    @PutMapping("/security-policy")
    SecurityPolicyView changePolicy(@Valid @RequestBody PolicyRequest body) {
        return SecurityPolicyView.of(policies.change(body.toPolicy(policies.current())));
    }
}
