package org.trackwell.clients.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.trackwell.clients.internal.ClientPhoto;
import org.trackwell.clients.internal.Identification;

/** How a client's photo travels: read with a bound on its size, and served never to be stored by the browser. */
final class Photos {

    private Photos() {}

    /**
     * At most one byte more than a photo may have, so that a larger upload is refused as too large
     * without being read whole.
     */
    static byte[] read(InputStream in) throws IOException {
        return in.readNBytes(Identification.MAX_PHOTO_BYTES + 1);
    }

    static ResponseEntity<byte[]> response(ClientPhoto photo) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(photo.image());
    }
}
