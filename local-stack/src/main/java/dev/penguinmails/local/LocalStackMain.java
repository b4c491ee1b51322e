package dev.penguinmails.local;

import dev.penguinmails.emulators.EmulatorException;
import dev.penguinmails.emulators.NodeRuntime;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The run command ({@code ./run-local.sh}): starts the local stack, prints where everything is, and
 * runs until Ctrl-C. Anything that stops it from starting is one sentence on stderr and a non-zero exit.
 */
public final class LocalStackMain {
    /** Set by run-local.sh; otherwise the working directory is taken as the project root. */
    public static final String ROOT_PROPERTY = "penguinmails.root";

    private LocalStackMain() { }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(LocalStackOptions.usage());
            return;
        }
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, System.getProperty("user.dir"))).toAbsolutePath().normalize();
        if (System.getProperty(NodeRuntime.NODE_MODULES_PROPERTY) == null) {
            System.setProperty(NodeRuntime.NODE_MODULES_PROPERTY, root.toString());
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(LocalStackOptions.parse(arguments, root));
        } catch (LocalStackException | EmulatorException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping PenguinMails...");
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println(ReadyBanner.text(stack));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
