package io.plugmate.vehicle.oem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.plugmate.testinfra.PostgresResource;

/**
 * A TCP relay in front of the module's test PostgreSQL, so that one test can take "the database" away from the service
 * without stopping the server every other test shares: {@link #down()} resets every open connection and refuses new
 * ones (what a killed PostgreSQL looks like to the pool), {@link #up()} listens again on the same port. The target is
 * read at each connection from the property {@link PostgresResource} sets once the server is up.
 */
final class DatabaseProxy {

    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    DatabaseProxy() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress("127.0.0.1", port));
            server = listening;
            Thread.ofVirtual().start(() -> accept(listening));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void down() {
        close(server);
        server = null;
        open.forEach(DatabaseProxy::close);
        open.clear();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                URI target = URI.create(System.getProperty(PostgresResource.JDBC_URL_PROPERTY).substring(5));
                Socket database = new Socket(target.getHost(), target.getPort());
                open.add(client);
                open.add(database);
                Thread.ofVirtual().start(() -> pipe(client, database));
                Thread.ofVirtual().start(() -> pipe(database, client));
            } catch (IOException e) {
                // closed by down(), or one connection failed: the pool sees a refused or reset connection
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // reset by down() or by either side
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }
}
