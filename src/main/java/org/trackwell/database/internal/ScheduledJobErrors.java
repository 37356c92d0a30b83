package org.trackwell.database.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;
import org.trackwell.database.DatabaseHealth;

/**
 * A scheduled job that meets a database outage logs one line, not a stack trace a second: the
 * outage itself is reported once by the database watch, and the job runs again on its schedule.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobErrors {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobErrors.class);

    private static final ErrorHandler HANDLER = failure -> {
        if (DatabaseHealth.isOutage(failure)) {
            log.warn("A scheduled job could not reach the database; it runs again on its schedule.");
        } else {
            log.error("A scheduled job failed", failure);
        }
    };

    @Bean
    SimpleAsyncTaskSchedulerCustomizer virtualThreadSchedulerErrors() {
        return scheduler -> scheduler.setErrorHandler(HANDLER);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer threadPoolSchedulerErrors() {
        return scheduler -> scheduler.setErrorHandler(HANDLER);
    }
}
