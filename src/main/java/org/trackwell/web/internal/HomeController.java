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

/** The home page: for a signed-in user, the parts of each of their roles (HomePart), but none of a module the tenant has switched off. */
@Controller
class HomeController {

    private final List<HomePart> parts;
    private final ModuleGate gate;

    HomeController(List<HomePart> parts, ModuleGate gate) {
        this.parts = parts;
        this.gate = gate;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal @Nullable Object principal, Model model) {
        if (principal instanceof SignedInUser user) {
            model.addAttribute(
                    "sections",
                    parts.stream()
                            .filter(gate::shows)
                            .map(part -> part.of(user))
                            .flatMap(Optional::stream)
                            .sorted(Comparator.comparingInt(HomeSection::order))
                            .toList());
        }
        return "home";
    }
}
