package dev.coineconomy.store;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A minimal fixed-size connection pool for the tests (the store needs a pool in production: PostgreSQL forks
 * a backend per connection). {@code close()} of a borrowed connection returns it; {@link #shutdown()} closes all.
 */
final class SimplePool implements DataSource, AutoCloseable {

    /** How the pool opens a physical connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int size;

    SimplePool(Opener opener, int size) {
        this.opener = opener;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = idle.poll();
        if (physical == null) {
            synchronized (all) {
                if (all.size() < size) {
                    physical = opener.open();
                    all.add(physical);
                }
            }
        }
        if (physical == null) {
            try {
                physical = idle.poll(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
            if (physical == null) {
                throw new SQLException("no pooled connection within 30 s");
            }
        }
        Connection p = physical;
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!closed[0]) {
                            closed[0] = true;
                            if (!p.getAutoCommit()) {
                                p.rollback();
                                p.setAutoCommit(true);
                            }
                            idle.add(p);
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed")) {
                        return closed[0];
                    }
                    if (closed[0]) {
                        throw new SQLException("connection returned to the pool");
                    }
                    try {
                        return method.invoke(p, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    void shutdown() {
        synchronized (all) {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
            all.clear();
        }
    }

    @Override
    public void close() {
        shutdown();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
