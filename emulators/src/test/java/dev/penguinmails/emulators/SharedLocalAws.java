package dev.penguinmails.emulators;

import java.util.concurrent.atomic.AtomicInteger;

/** One LocalAws for all tests of this module (they share a JVM), on free ports, started on first use. */
final class SharedLocalAws {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static LocalAws instance;

    private SharedLocalAws() { }

    static synchronized LocalAws get() {
        if (instance == null) {
            instance = LocalAws.start(EmulatorOptions.ephemeral());
            LocalAws started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return instance;
    }

    /** A name prefix no other test uses, so that tests never see each other's resources. */
    static String uniquePrefix() {
        return "e" + PREFIXES.incrementAndGet() + "-";
    }
}
