package org.trackwell.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Tests share one application and database, all signing in from 127.0.0.1: before each test the
 * clock returns to now and failures by address are forgotten, so no test inherits another's block.
 * After each test the clock returns to now too: a context the cache keeps while other classes run
 * still runs its scheduled jobs by its own clock, and the address-failure cleanup on a clock left
 * days ahead would forget the failures another class's test is counting in the same database.
 */
public class ResetBetweenTests implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBean(MutableClock.class).reset();
        String database = testContext
                .getApplicationContext()
                .getEnvironment()
                .getProperty("trackwell.test.database", TestPostgres.DATABASE);
        JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser(database));
        superuser.sql("delete from sign_in_failure_by_address").update();
        superuser.sql("delete from blocked_address").update();
        superuser.sql("delete from password_reset_by_address").update();
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBean(MutableClock.class).reset();
    }
}
