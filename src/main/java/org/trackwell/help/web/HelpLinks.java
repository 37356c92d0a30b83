package org.trackwell.help.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.trackwell.help.internal.HelpCentre;
import org.trackwell.help.internal.HelpSections;
import org.trackwell.help.internal.Tips;
import org.trackwell.identity.SignedInUser;

/**
 * Gives every page's layout its help link ({@code helpSection}, the anchor of the page's part of
 * the help) and, for a signed-in user who has not dismissed it, that part's first-time tip
 * ({@code firstTimeTip}). Only views get them: API answers have no model.
 */
@Configuration(proxyBeanMethods = false)
class HelpLinks implements WebMvcConfigurer, HandlerInterceptor {

    /** A tip to show: the anchor of its section and its text as safe HTML. */
    record FirstTimeTip(String anchor, String html) {}

    private final HelpCentre help;
    private final Tips tips;

    HelpLinks(HelpCentre help, Tips tips) {
        this.help = help;
        this.tips = tips;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String route)) {
            return;
        }
        HelpSections.forRoute(route).flatMap(help::section).ifPresent(section -> {
            page.addObject("helpSection", section.anchor());
            SignedInUser user = signedIn();
            if (user != null && section.tipHtml().isPresent() && !tips.dismissed(user.id(), section.anchor())) {
                page.addObject(
                        "firstTimeTip",
                        new FirstTimeTip(section.anchor(), section.tipHtml().get()));
            }
        });
    }

    private static @Nullable SignedInUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
