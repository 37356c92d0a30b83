package org.trackwell.shared;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The console log's format, chosen with {@code trackwell.log.format} ({@code TRACKWELL_LOG_FORMAT}):
 * {@code text} (the default), {@code json} or {@code ecs} for one JSON object a line in the Elastic
 * Common Schema, {@code logstash} for Logstash's. It is Spring Boot's own structured logging, set
 * before the logging system starts; Spring Boot's {@code logging.structured.format.console}, when
 * set, wins. What is logged is the same in every format.
 */
public class LogFormatEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY = "trackwell.log.format";
    private static final String STRUCTURED = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").strip().toLowerCase(Locale.ROOT);
        String structured = switch (format) {
            case "", "text" -> "";
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            default ->
                throw new StartRefused(
                        "TRACKWELL_LOG_FORMAT is \"" + format + "\", which is no log format.",
                        "Set TRACKWELL_LOG_FORMAT to text, json (the Elastic Common Schema) or logstash.");
        };
        if (!structured.isEmpty() && !environment.containsProperty(STRUCTURED)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("trackwell-log-format", Map.of(STRUCTURED, structured)));
        }
    }
}
