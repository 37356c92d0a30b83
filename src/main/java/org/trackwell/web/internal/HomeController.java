package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.trackwell.tenancy.TenantRequests;

@Controller
class HomeController {

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        TenantRequests.tenantOf(request).ifPresent(tenant -> model.addAttribute("tenantName", tenant.displayName()));
        return "home";
    }
}
