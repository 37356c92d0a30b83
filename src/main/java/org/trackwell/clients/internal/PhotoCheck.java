package org.trackwell.clients.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * What a photo must be: a JPEG or PNG (known by its first bytes, never by its name or the type the
 * sender claims), at most 2 MB, and at most 4,096 pixels a side. Only the image's header is read to
 * learn its size: the server never decodes the pixels, so an image made to expand enormously costs
 * it nothing.
 */
final class PhotoCheck {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_SIDE = 4096;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PhotoCheck() {}

    /** The photo's media type, if it is a photo the service keeps. */
    static String contentType(byte[] image) {
        if (image.length == 0) {
            throw new ClientDetailsInvalid("Choose a photo to upload.");
        }
        if (image.length > MAX_BYTES) {
            throw new ClientDetailsInvalid("The photo is too large: it can be at most 2 MB.");
        }
        String format = startsWith(image, JPEG) ? "jpeg" : startsWith(image, PNG) ? "png" : null;
        if (format == null) {
            throw new ClientDetailsInvalid("That is not a photo: upload a JPEG or PNG image.");
        }
        int[] size = size(image, format);
        if (size[0] < 1 || size[1] < 1 || size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            throw new ClientDetailsInvalid("The photo can be at most " + MAX_SIDE + " pixels wide and high.");
        }
        return "image/" + format;
    }

    private static boolean startsWith(byte[] image, byte[] magic) {
        return image.length >= magic.length && Arrays.equals(image, 0, magic.length, magic, 0, magic.length);
    }

    private static int[] size(byte[] image, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        ImageReader reader = readers.next();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            reader.setInput(in, true, true);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
            throw new ClientDetailsInvalid("That photo cannot be read: upload a JPEG or PNG image.");
        } finally {
            reader.dispose();
        }
    }
}
