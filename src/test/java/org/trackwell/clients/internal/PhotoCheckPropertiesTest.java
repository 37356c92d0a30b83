package org.trackwell.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.trackwell.support.TestImages;

/**
 * Whatever bytes are uploaded as a photo (random ones, a JPEG's or PNG's opening followed by
 * anything, real images cut short or altered), the check keeps a JPEG or PNG or refuses it with a
 * reason, never anything else.
 */
class PhotoCheckPropertiesTest {

    private static final byte[] PNG = TestImages.png(6, 5);
    private static final byte[] JPEG = TestImages.jpeg(6, 5);

    @Property(tries = 1000)
    void anyUploadIsAJpegOrPngOrRefusedWithAReason(@ForAll("uploads") byte[] upload) {
        try {
            assertThat(PhotoCheck.contentType(upload)).isIn("image/jpeg", "image/png");
        } catch (ClientDetailsInvalid refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 50)
    void realImagesAreKept(@ForAll("sides") int width, @ForAll("sides") int height) {
        assertThat(PhotoCheck.contentType(TestImages.png(width, height))).isEqualTo("image/png");
        assertThat(PhotoCheck.contentType(TestImages.jpeg(width, height))).isEqualTo("image/jpeg");
    }

    @Provide
    Arbitrary<byte[]> uploads() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> afterMagic = Arbitraries.of(PNG, JPEG)
                .flatMap(image ->
                        random.map(tail -> join(Arrays.copyOf(image, image[0] == (byte) 0x89 ? 8 : 3), tail)));
        Arbitrary<byte[]> cut = Arbitraries.of(PNG, JPEG)
                .flatMap(
                        image -> Arbitraries.integers().between(0, image.length).map(n -> Arrays.copyOf(image, n)));
        Arbitrary<byte[]> altered = Arbitraries.of(PNG, JPEG)
                .flatMap(image -> Arbitraries.integers()
                        .between(0, image.length - 1)
                        .flatMap(at -> Arbitraries.bytes().map(b -> {
                            byte[] copy = image.clone();
                            copy[at] = b;
                            return copy;
                        })));
        return Arbitraries.oneOf(random, afterMagic, cut, altered);
    }

    @Provide
    Arbitrary<Integer> sides() {
        return Arbitraries.integers().between(1, 64);
    }

    private static byte[] join(byte[] head, byte[] tail) {
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
