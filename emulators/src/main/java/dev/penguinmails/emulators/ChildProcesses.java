package dev.penguinmails.emulators;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child process the emulators started, so that one shutdown hook can end them (and whatever
 * they spawned) when the JVM exits without closing them. A JVM killed with SIGKILL runs no hook;
 * for that case each node child also watches its stdin (see parent-watch.js).
 */
final class ChildProcesses {
    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::destroyAll, "penguinmails-emulator-reaper"));
    }

    private ChildProcesses() { }

    static void register(Process process) {
        LIVE.add(process.toHandle());
    }

    /** Ends the process and its descendants, politely first, and forgets it. */
    static void destroy(Process process) {
        ProcessHandle handle = process.toHandle();
        var descendants = handle.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        LIVE.remove(handle);
    }

    private static void destroyAll() {
        for (ProcessHandle handle : LIVE) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
    }
}
