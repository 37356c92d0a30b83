package org.trackwell.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security's view of a signed-in operator: the single authority {@code ROLE_OPERATOR}. */
public final class OperatorAuthentication extends AbstractAuthenticationToken {

    private final SignedInOperator operator;

    OperatorAuthentication(SignedInOperator operator) {
        super(List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
        this.operator = operator;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SignedInOperator getPrincipal() {
        return operator;
    }
}
