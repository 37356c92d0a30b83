package org.trackwell.clients.internal;

import java.util.Arrays;

/** A client's photo, opened: a JPEG or PNG image and its media type. */
public record ClientPhoto(String contentType, byte[] image) {

    public ClientPhoto {
        image = image.clone();
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientPhoto that
                && contentType.equals(that.contentType)
                && Arrays.equals(image, that.image);
    }

    @Override
    public int hashCode() {
        return contentType.hashCode() * 31 + Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return "ClientPhoto[" + contentType + ", " + image.length + " bytes]";
    }
}
