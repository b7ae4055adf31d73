package io.plugmate.testinfra;

import java.io.Closeable;
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

/**
 * A TCP relay in front of the module's test PostgreSQL ({@link PostgresResource}), so that a fault test can take "the
 * database" away from the application without stopping the server the module's other tests share: {@link #down()}
 * resets every open connection and refuses new ones (what a killed PostgreSQL looks like to the pool), {@link #up()}
 * listens again on the same port. Point the application at {@link #reactiveUrl()} (e.g. as
 * {@code %test.quarkus.datasource.reactive.url} in a test profile, which wins over the resource's own URL).
 */
public final class DatabaseRelay {

    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public DatabaseRelay() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The reactive URL of database {@code postgres} through this relay. */
    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/postgres";
    }

    public synchronized void up() {
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

    public synchronized void down() {
        close(server);
        server = null;
        open.forEach(DatabaseRelay::close);
        open.clear();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                // read at each connection: the server may have been started after this relay
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

    private static void close(Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }
}
