package io.plugmate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for one part of the stack, started the way the dev stack starts its children. It writes to a shared
 * events file (appends from several processes keep their order): {@code <name> started pid=… [port=…]} once its
 * shutdown hook is in place, {@code <name> stopping} when its stop arrives, then, after {@code drain=<ms>} (a
 * service draining its outbox), for every {@code check:<label>=<target>} whether that dependency still answers —
 * {@code <name> sees <label> up|DOWN} — and finally {@code <name> stopped}. A {@code jdbc:} target is queried, a
 * {@code host:port} target connected to. {@code serve} listens on a port of its own for others to check.
 *
 * <p>
 * Arguments: {@code <events-file> <name> [serve] [drain=<ms>] [check:<label>=<target>]...}
 */
public final class StopRecorderMain {

    private StopRecorderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path events = Path.of(args[0]);
        String name = args[1];
        Map<String, String> checks = new LinkedHashMap<>();
        long drainMillis = 0;
        ServerSocket served = null;
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("serve")) {
                served = new ServerSocket(0);
            } else if (arg.startsWith("drain=")) {
                drainMillis = Long.parseLong(arg.substring("drain=".length()));
            } else if (arg.startsWith("check:")) {
                String[] labelTarget = arg.substring("check:".length()).split("=", 2);
                checks.put(labelTarget[0], labelTarget[1]);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        long drain = drainMillis;
        ServerSocket server = served;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            append(events, name + " stopping");
            pause(drain);
            checks.forEach((label, target) -> append(events,
                    name + " sees " + label + (answers(target) ? " up" : " DOWN")));
            append(events, name + " stopped");
            closeQuietly(server);
        }));
        append(events, name + " started pid=" + ProcessHandle.current().pid()
                + (server == null ? "" : " port=" + server.getLocalPort()));
        if (server != null) {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    // answering the connection is all a check needs
                } catch (IOException e) {
                    // closed at shutdown
                }
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    static void append(Path events, String line) {
        try {
            Files.writeString(events, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answers(String target) {
        if (target.startsWith("jdbc:")) {
            try (var connection = DriverManager.getConnection(target, "postgres", "postgres");
                    var result = connection.createStatement().executeQuery("select 1")) {
                return result.next();
            } catch (Exception e) {
                return false;
            }
        }
        String[] hostPort = target.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(ServerSocket server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
    }
}
