package org.trackwell.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.trackwell.identity.SignedInUser;
import org.trackwell.web.HomePart;
import org.trackwell.web.HomeSection;

/** The home page: for a signed-in user, the parts of each of their roles (HomePart). */
@Controller
class HomeController {

    private final List<HomePart> parts;

    HomeController(List<HomePart> parts) {
        this.parts = parts;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal @Nullable Object principal, Model model) {
        if (principal instanceof SignedInUser user) {
            model.addAttribute(
                    "sections",
                    parts.stream()
                            .map(part -> part.of(user))
                            .flatMap(Optional::stream)
                            .sorted(Comparator.comparingInt(HomeSection::order))
                            .toList());
        }
        return "home";
    }
}
