package org.trackwell.database;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trackwell.support.ServiceProcess;

/**
 * Health goes DOWN when the disk under the data directory is nearly full, and UP again once space
 * is freed: on a real small file system (tmpfs), filled with a real file.
 */
class DiskSpaceHealthIT {

    @Test
    void reportsDownWhenTheDataDiskIsNearlyFullAndUpWhenSpaceIsFreed() throws Exception {
        Path mount = Files.createTempDirectory("trackwell-small-disk");
        assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=256m,mode=0700", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs needs root (CI runs as root)");
        try {
            Path data = mount.resolve("data");
            try (ServiceProcess service = ServiceProcess.on(data, "TRACKWELL_DATABASE_MIN_FREE_DISK", "64MB")
                    .start()) {
                Path filler = mount.resolve("filler");
                long leave = 32L * 1024 * 1024;
                try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
                    byte[] block = new byte[1024 * 1024];
                    while (Files.getFileStore(mount).getUsableSpace() > leave) {
                        file.write(block);
                    }
                }
                DatabaseOutageIT.awaitStatus(service::health, 503, Duration.ofSeconds(20));
                Files.delete(filler);
                DatabaseOutageIT.awaitStatus(service::health, 200, Duration.ofSeconds(20));
            }
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }
}
