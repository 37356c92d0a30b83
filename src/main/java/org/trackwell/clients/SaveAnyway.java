package org.trackwell.clients;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.trackwell.identity.SignedInUser;

/**
 * A page's "save it anyway" after the identifying-text warning, checked by the server: the warning
 * hands the form a token for this user, this record and exactly the text warned about, and only a
 * tick sent back with that token, unexpired, counts. A tick sent without having been warned, or for
 * other text, is no acknowledgement, and the warning is shown again. The key lives only in this
 * process: a token another node issued, or one from before a restart, just asks once more.
 */
@Component
public class SaveAnyway {

    private static final Duration VALID = Duration.ofMinutes(30);
    private static final String MAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    SaveAnyway(SecureRandom random, Clock clock) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, MAC);
        this.clock = clock;
    }

    /** The token the warned form carries back with its tick. */
    public String token(SignedInUser user, String target, String text) {
        long until = clock.instant().plus(VALID).getEpochSecond();
        return until + "." + mac(user, target, text, until);
    }

    /** Whether the tick answers a warning shown to this user for this record and exactly this text. */
    public boolean confirmed(SignedInUser user, String target, String text, boolean ticked, String token) {
        int dot = token.indexOf('.');
        if (!ticked || dot < 1) {
            return false;
        }
        long until;
        try {
            until = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException notOurs) {
            return false;
        }
        return clock.instant().getEpochSecond() <= until
                && MessageDigest.isEqual(
                        mac(user, target, text, until).getBytes(StandardCharsets.US_ASCII),
                        token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(SignedInUser user, String target, String text, long until) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            String bound = user.tenant().value() + "\n" + user.id().value() + "\n" + target + "\n" + until + "\n";
            mac.update(bound.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
