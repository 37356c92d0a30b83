package org.trackwell.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements the application's pooled connections prepare (each is a round trip to
 * PostgreSQL, the tenant's {@code set_config} at each transaction's start among them), so that a
 * test can hold a request to what it sends. Counted across the service, background jobs included.
 */
public final class StatementCount implements BeanPostProcessor {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final AtomicLong PREPARED = new AtomicLong();

    /** Statements prepared so far by every connection of the application's pool. */
    public static long sofar() {
        return PREPARED.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && name.equals("dataSource") ? new Counting(dataSource) : bean;
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(obtainTargetDataSource().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(obtainTargetDataSource().getConnection(username, password));
        }

        private static Connection counted(Connection connection) {
            InvocationHandler handler = (proxy, method, arguments) -> call(connection, method, arguments);
            return (Connection) Proxy.newProxyInstance(
                    StatementCount.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private static @Nullable Object call(Connection connection, Method method, @Nullable Object[] arguments)
                throws Throwable {
            if (STATEMENTS.contains(method.getName())) {
                PREPARED.incrementAndGet();
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
