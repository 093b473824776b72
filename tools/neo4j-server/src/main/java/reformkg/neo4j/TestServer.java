package reformkg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Test-support launcher: a real Neo4j 5 Community server in this JVM (neo4j-harness), Bolt on a
 * free loopback port, data in a temp dir that is deleted on exit, auth disabled.
 *
 * <p>Prints {@code BOLT_URI=bolt://127.0.0.1:PORT} once the database accepts work (and writes the
 * URI to {@code --uri-file} through a rename, so a reader never sees half a line). Stops cleanly on
 * SIGTERM/SIGINT, when the process {@code --parent-pid} ends, or on EOF of stdin with
 * {@code --watch-stdin}. {@code --copy-from HOME} starts from a Neo4j home prepared elsewhere
 * (e.g. by {@code neo4j-admin database import}). Limits suited to tests: {@code --tx-timeout}
 * seconds (default 120), {@code --pagecache} MiB (default 64), {@code --tx-memory} MiB per
 * transaction (default 512); the heap is set by the caller with -Xmx.
 */
public final class TestServer {
    private TestServer() {}

    public static void main(String[] args) throws Exception {
        long parentPid = -1;
        boolean watchStdin = false;
        Path uriFile = null;
        Path copyFrom = null;
        long txTimeoutS = 120;
        long pageCacheMiB = 64;
        long txMemoryMiB = 512;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--parent-pid" -> parentPid = Long.parseLong(args[++i]);
                case "--watch-stdin" -> watchStdin = true;
                case "--uri-file" -> uriFile = Path.of(args[++i]);
                case "--copy-from" -> copyFrom = Path.of(args[++i]);
                case "--tx-timeout" -> txTimeoutS = Long.parseLong(args[++i]);
                case "--pagecache" -> pageCacheMiB = Long.parseLong(args[++i]);
                case "--tx-memory" -> txMemoryMiB = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown argument: " + a);
                    System.exit(2);
                }
            }
        }

        Path work = Files.createTempDirectory("reformkg-neo4j-");
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(work)
                .withDisabledServer() // Bolt only: no HTTP/Jetty, faster start
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutS))
                // the default 2 s check would let a short per-query timeout overrun by up to 2 s
                .withConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(50))
                .withConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMiB * 1024 * 1024)
                .withConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemoryMiB * 1024 * 1024);
        if (copyFrom != null) {
            builder = builder.copyFrom(copyFrom);
        }
        Neo4j neo4j = builder.build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                neo4j.close();
            } finally {
                deleteTree(work);
                stopped.countDown();
            }
        }, "neo4j-stop"));

        String uri = "bolt://127.0.0.1:" + neo4j.boltURI().getPort();
        if (uriFile != null) {
            Path tmp = uriFile.resolveSibling(uriFile.getFileName() + ".tmp");
            Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, uriFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("BOLT_URI=" + uri);
        System.out.flush();

        if (parentPid > 0) {
            ProcessHandle.of(parentPid).ifPresentOrElse(
                    p -> p.onExit().thenRun(() -> exit("parent process " + p.pid() + " ended")),
                    () -> exit("parent process not found"));
        }
        if (watchStdin) {
            Thread t = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() >= 0) {
                        // drain until EOF
                    }
                } catch (IOException ignored) {
                    // a broken stdin counts as EOF
                }
                exit("stdin closed");
            }, "stdin-watch");
            t.setDaemon(true);
            t.start();
        }
        stopped.await(); // until System.exit runs the shutdown hook
    }

    private static void exit(String why) {
        System.err.println("neo4j test server stopping: " + why);
        System.exit(0);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp dir
        }
    }
}
