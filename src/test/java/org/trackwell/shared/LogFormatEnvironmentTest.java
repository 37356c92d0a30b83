package org.trackwell.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatEnvironmentTest {

    private static MockEnvironment formatted(MockEnvironment environment) {
        new LogFormatEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static MockEnvironment withFormat(String format) {
        return formatted(new MockEnvironment().withProperty("trackwell.log.format", format));
    }

    @Test
    void logsPlainTextUnlessAskedOtherwise() {
        assertThat(formatted(new MockEnvironment()).getProperty("logging.structured.format.console"))
                .isNull();
        assertThat(withFormat("text").getProperty("logging.structured.format.console"))
                .isNull();
    }

    @Test
    void jsonMeansTheElasticCommonSchema() {
        assertThat(withFormat("json").getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
        assertThat(withFormat("ECS").getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
        assertThat(withFormat("logstash").getProperty("logging.structured.format.console"))
                .isEqualTo("logstash");
    }

    @Test
    void springBootsOwnSettingWins() {
        MockEnvironment environment = formatted(new MockEnvironment()
                .withProperty("trackwell.log.format", "json")
                .withProperty("logging.structured.format.console", "gelf"));
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("gelf");
    }

    @Test
    void refusesToStartWithAFormatItDoesNotKnow() {
        assertThatThrownBy(() -> withFormat("xml"))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("TRACKWELL_LOG_FORMAT");
    }
}
