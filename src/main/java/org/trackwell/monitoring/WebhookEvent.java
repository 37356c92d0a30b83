package org.trackwell.monitoring;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of event a webhook can receive; {@link #type()} names it in the body (docs/api.md). */
public enum WebhookEvent {
    ALERT_RAISED("alert.raised", "Alerts raised"),
    CLIENT_CREATED("client.created", "Clients added"),
    SCORE_RECORDED("score.recorded", "Scores recorded"),
    DOSE_MISSED("dose.missed", "Doses missed"),
    EXPORT_FINISHED("export.finished", "Exports finished");

    private final String type;
    private final String label;

    WebhookEvent(String type, String label) {
        this.type = type;
        this.label = label;
    }

    @JsonValue
    public String type() {
        return type;
    }

    public String label() {
        return label;
    }

    public static Optional<WebhookEvent> ofType(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }
}
