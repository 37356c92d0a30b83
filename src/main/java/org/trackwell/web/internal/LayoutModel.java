package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.trackwell.identity.SignedInOperator;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.TokenAuthenticationFilter;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.TenantRequests;

/** What every page's layout needs: the tenant's name and who is signed in. */
@ControllerAdvice
class LayoutModel {

    @ModelAttribute("tenantName")
    @Nullable
    String tenantName(HttpServletRequest request) {
        return tenantNameOf(request);
    }

    @ModelAttribute("me")
    @Nullable
    SignedInUser me(HttpServletRequest request) {
        return signedInUser(request);
    }

    /** Whether an operator is signed in: their pages' menu instead of a service's. */
    @ModelAttribute("operator")
    boolean operator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInOperator;
    }

    static @Nullable String tenantNameOf(HttpServletRequest request) {
        return TenantRequests.tenantOf(request).map(Tenant::displayName).orElse(null);
    }

    /** Who is signed in, also on an error page shown after the security filters have finished. */
    static @Nullable SignedInUser signedInUser(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return user;
        }
        return request.getAttribute(TokenAuthenticationFilter.SIGNED_IN_USER) instanceof SignedInUser user
                ? user
                : null;
    }
}
