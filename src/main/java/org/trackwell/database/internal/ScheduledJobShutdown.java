package org.trackwell.database.internal;

import java.time.Duration;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A service that stops while a scheduled job runs interrupts the job and waits for it to end,
 * instead of exiting under it: the backups' restore check runs a scratch PostgreSQL, which it
 * stops only when it ends, and which a service exiting first left running on its own.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobShutdown {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Bean
    SimpleAsyncTaskSchedulerCustomizer virtualThreadSchedulerShutdown() {
        return scheduler -> scheduler.setTaskTerminationTimeout(WAIT.toMillis());
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer threadPoolSchedulerShutdown() {
        return scheduler -> scheduler.setAwaitTerminationMillis(WAIT.toMillis());
    }
}
