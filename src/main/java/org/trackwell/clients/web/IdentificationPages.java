package org.trackwell.clients.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.ClientIdentification;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.FormOutcome;

/**
 * The page where a client's practitioner or manager sets the preferred name, room and photo that
 * carers check on the medication round; and the photo itself, for the round and this page.
 */
@Controller
class IdentificationPages {

    private final ClientIdentification identification;

    IdentificationPages(ClientIdentification identification) {
        this.identification = identification;
    }

    @GetMapping("/clients/{code}/identification")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model) {
        model.addAttribute("code", code.toUpperCase(Locale.ROOT));
        model.addAttribute("identity", identification.forChanging(user, code));
        return "clients/identification";
    }

    @PostMapping("/clients/{code}/identification")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam(defaultValue = "") String preferredName,
            @RequestParam(defaultValue = "") String room,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, Map.of("preferredName", preferredName, "room", room), () -> {
            identification.change(user, code, preferredName, room, acknowledgeIdentifying);
            return "Preferred name and room saved.";
        });
        return back(code);
    }

    @PostMapping("/clients/{code}/photo")
    String changePhoto(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam(required = false) MultipartFile photo,
            RedirectAttributes redirect)
            throws IOException {
        byte[] image = photo == null ? new byte[0] : Photos.read(photo.getInputStream());
        FormOutcome.flash(redirect, () -> {
            identification.changePhoto(user, code, image);
            return "Photo saved.";
        });
        return back(code);
    }

    @PostMapping("/clients/{code}/photo/remove")
    String removePhoto(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String code, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            identification.removePhoto(user, code);
            return "Photo removed.";
        });
        return back(code);
    }

    @GetMapping("/clients/{code}/photo")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return Photos.response(identification.photo(user, code));
    }

    private static String back(String code) {
        return "redirect:/clients/" + code.toUpperCase(Locale.ROOT) + "/identification";
    }
}
