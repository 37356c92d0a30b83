package org.trackwell.clients.web;

import java.io.IOException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.ReachedClient.Need;
import org.trackwell.clients.internal.Identification;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.FormOutcome;

/**
 * The page where a client's practitioner or manager sets the preferred name, room and photo that
 * carers check on the medication round; and the photo itself, for the round and this page.
 */
@Controller
class IdentificationPages {

    private final Identification identification;

    IdentificationPages(Identification identification) {
        this.identification = identification;
    }

    @GetMapping("/clients/{code}/identification")
    String page(@ReachedClient(viewed = AuditAction.CLIENT_IDENTIFICATION_VIEWED) ClientRef client, Model model) {
        model.addAttribute("code", client.code().toString());
        model.addAttribute("identity", identification.of(client));
        return "clients/identification";
    }

    @PostMapping("/clients/{code}/identification")
    String change(
            @ReachedClient ClientRef client,
            @RequestParam(defaultValue = "") String preferredName,
            @RequestParam(defaultValue = "") String room,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, Map.of("preferredName", preferredName, "room", room), () -> {
            identification.change(client, preferredName, room, acknowledgeIdentifying);
            return "Preferred name and room saved.";
        });
        return back(client);
    }

    @PostMapping("/clients/{code}/photo")
    String changePhoto(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @RequestParam(required = false) MultipartFile photo,
            RedirectAttributes redirect)
            throws IOException {
        byte[] image = photo == null ? new byte[0] : Photos.read(photo.getInputStream());
        FormOutcome.flash(redirect, () -> {
            identification.changePhoto(user, client, image);
            return "Photo saved.";
        });
        return back(client);
    }

    @PostMapping("/clients/{code}/photo/remove")
    String removePhoto(@ReachedClient ClientRef client, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            identification.removePhoto(client);
            return "Photo removed.";
        });
        return back(client);
    }

    @GetMapping("/clients/{code}/photo")
    ResponseEntity<byte[]> photo(
            @ReachedClient(value = Need.MEDICATION_RECORD, viewed = AuditAction.CLIENT_PHOTO_VIEWED) ClientRef client) {
        return Photos.response(identification.photo(client));
    }

    private static String back(ClientRef client) {
        return "redirect:/clients/" + client.code() + "/identification";
    }
}
