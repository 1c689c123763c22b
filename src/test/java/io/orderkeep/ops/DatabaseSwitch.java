package io.orderkeep.ops;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets an ops test make the database unreachable for the application and bring it back, without stopping the
 * database other test contexts share: every connection the application asks for fails while it is off.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseSwitch {

    private static volatile boolean off;

    /** Runs {@code whileOff} with the database unreachable, then makes it reachable again. */
    public static void whileUnreachable(Runnable whileOff) {
        off = true;
        try {
            whileOff.run();
        } finally {
            off = false;
        }
    }

    @Bean
    static BeanPostProcessor switchableDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof Switchable) ? new Switchable(ds) : bean;
            }
        };
    }

    static final class Switchable extends DelegatingDataSource {

        Switchable(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (off) {
                throw new SQLException("the test made the database unreachable", "08001");
            }
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            if (off) {
                throw new SQLException("the test made the database unreachable", "08001");
            }
            return super.getConnection(user, password);
        }
    }
}
