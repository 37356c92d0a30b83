package org.trackwell.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Spring Security's view of a signed-in session: a tenant's user, with their roles as
 * {@code ROLE_*} authorities, or an operator, with the single authority {@code ROLE_OPERATOR},
 * which no tenant user ever holds.
 */
public final class SignedInAuthentication extends AbstractAuthenticationToken {

    private final Object principal;

    private SignedInAuthentication(Object principal, List<GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        setAuthenticated(true);
    }

    static SignedInAuthentication of(SignedInUser user) {
        return new SignedInAuthentication(
                user,
                user.roles().stream()
                        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                        .toList());
    }

    static SignedInAuthentication of(SignedInOperator operator) {
        return new SignedInAuthentication(operator, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String toString() {
        return "SignedInAuthentication[" + principal + "]";
    }
}
