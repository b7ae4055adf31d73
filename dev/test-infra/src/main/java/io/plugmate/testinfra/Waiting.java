package io.plugmate.testinfra;

/** The pause between two looks at something that is starting. */
final class Waiting {

    private Waiting() {
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
