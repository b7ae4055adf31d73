package io.plugmate.kafka;

import java.nio.file.Path;

/** {@code --port N} (0 = any free port) and {@code --data-dir PATH} (absent = a temporary directory, deleted at exit). */
record LaunchArguments(int port, Path dataDirectory) {

    static LaunchArguments parse(String[] args) {
        int port = 0;
        Path dataDirectory = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(valueAfter(args, i++));
                case "--data-dir" -> dataDirectory = Path.of(valueAfter(args, i++));
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return new LaunchArguments(port, dataDirectory);
    }

    private static String valueAfter(String[] args, int index) {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(args[index] + " needs a value");
        }
        return args[index + 1];
    }
}
