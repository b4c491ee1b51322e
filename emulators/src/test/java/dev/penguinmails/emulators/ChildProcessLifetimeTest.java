package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The node emulators must not outlive the JVM that started them, however it ends. */
@Tag("integration")
class ChildProcessLifetimeTest {

    @Test
    void nodeChildrenDieWhenTheJvmIsKilled() throws Exception {
        Process jvm = startJvm("kill");
        long nodePid = readPid(jvm);
        assertThat(alive(nodePid)).isTrue();

        jvm.destroyForcibly();  // SIGKILL: no shutdown hook runs, only the stdin watch can help
        jvm.waitFor(10, TimeUnit.SECONDS);

        assertThat(awaitDeath(nodePid)).as("node %d outlived a killed JVM", nodePid).isTrue();
    }

    @Test
    void nodeChildrenDieWhenTheJvmExitsWithoutClosingThem() throws Exception {
        Process jvm = startJvm("exit");
        long nodePid = readPid(jvm);

        assertThat(jvm.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(awaitDeath(nodePid)).as("node %d outlived an exited JVM", nodePid).isTrue();
    }

    private static Process startJvm(String mode) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Duser.dir=" + System.getProperty("user.dir"), StartDynalite.class.getName(), mode))
                .redirectErrorStream(true).start();
    }

    private static long readPid(Process jvm) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PID ")) {
                return Long.parseLong(line.substring(4).strip());
            }
        }
        throw new AssertionError("the child JVM printed no PID, exit " + jvm.waitFor());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean awaitDeath(long pid) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (alive(pid) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return !alive(pid);
    }

    /** Runs in the child JVM: starts dynalite, prints its pid, then waits to be killed or just exits. */
    public static final class StartDynalite {
        public static void main(String[] args) throws Exception {
            Dynalite dynalite = Dynalite.start(NodeRuntime.locate(), 0, null);
            System.out.println("PID " + dynalite.pid());
            System.out.flush();
            if ("kill".equals(args[0])) {
                Thread.sleep(60_000);
            }
            System.exit(0);
        }
    }
}
