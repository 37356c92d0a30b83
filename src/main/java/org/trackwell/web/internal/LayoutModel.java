package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.trackwell.identity.SignedInUser;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.TenantRequests;

/** What every page's layout needs: the tenant's name and who is signed in. */
@ControllerAdvice
class LayoutModel {

    @ModelAttribute("tenantName")
    @Nullable
    String tenantName(HttpServletRequest request) {
        return TenantRequests.tenantOf(request).map(Tenant::displayName).orElse(null);
    }

    @ModelAttribute("me")
    @Nullable
    SignedInUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
