// Preloaded into every emulator that the JVM starts. The JVM holds our stdin open for as long as it
// lives, so end of input means it is gone (even after kill -9, when no shutdown hook runs) and the
// emulator must not outlive it and keep its port.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
