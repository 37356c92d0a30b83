package org.trackwell.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security's view of a signed-in user: their roles as {@code ROLE_*} authorities. */
public final class SignedInAuthentication extends AbstractAuthenticationToken {

    private final SignedInUser user;

    SignedInAuthentication(SignedInUser user) {
        super(user.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    @Override
    public String toString() {
        return "SignedInAuthentication[" + user + "]";
    }
}
