package org.trackwell.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The axe-core accessibility check (npm's axe-core, which bin/test installs under target/axe) run
 * in the page the browser shows. Injected through WebDriver, it runs outside the page's CSP.
 */
public final class Axe {

    public static final Path SCRIPT = Path.of("target/axe/node_modules/axe-core/axe.min.js");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(results => done(results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')));
            """;

    private Axe() {}

    /** The serious and critical violations on the page the browser shows now. */
    public static List<String> seriousViolations(ChromeDriver driver) {
        driver.executeScript(script());
        Object found = driver.executeAsyncScript(RUN);
        List<String> violations = new ArrayList<>();
        if (found instanceof List<?> list) {
            list.forEach(v -> violations.add(driver.getCurrentUrl() + ": " + v));
        }
        return violations;
    }

    private static synchronized String script() {
        try {
            if (!Files.exists(SCRIPT)) {
                Process npm = new ProcessBuilder(
                                "npm",
                                "install",
                                "--no-audit",
                                "--no-fund",
                                "--prefix",
                                "target/axe",
                                "axe-core@4.14.1")
                        .redirectErrorStream(true)
                        .start();
                npm.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                if (npm.waitFor() != 0) {
                    throw new IllegalStateException("npm could not install axe-core");
                }
            }
            return Files.readString(SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("axe-core is needed for the accessibility checks (npm)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
