import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * A throwaway Neo4j Community server for tests and contributors: Bolt on 127.0.0.1, auth off, data
 * in a temporary directory that is deleted when the process is stopped (SIGTERM or SIGINT).
 * Run as a single source file (java -cp <harness classpath> Launcher.java): nothing to compile.
 *
 * Environment: NEO4J_TEST_PORT (Bolt port, default 7687), NEO4J_TEST_PAGECACHE (default 256m),
 * NEO4J_TEST_TX_MAX (memory for all open transactions, default 1g), NEO4J_TEST_FROM (a Neo4j home
 * whose data/ a bulk load filled: the server starts on a copy of it). The JVM heap is set by the
 * caller's -Xmx. Prints "READY bolt://127.0.0.1:<port>" once Bolt accepts connections.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("NEO4J_TEST_PORT", "7687"));
        Path dir = Files.createTempDirectory("vendor-chain-neo4j-");
        var builder = Neo4jBuilders.newInProcessBuilder(dir);
        String from = env("NEO4J_TEST_FROM", "");
        // A store neo4j-admin imported (its home, holding data/databases/neo4j): the server starts on a copy.
        if (!from.isEmpty()) builder.copyFrom(Path.of(from));
        Neo4j neo4j = builder
                .withDisabledServer()
                .withConfig(HttpConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                .withConfig(GraphDatabaseSettings.pagecache_memory, bytes(env("NEO4J_TEST_PAGECACHE", "256m")))
                .withConfig(GraphDatabaseSettings.memory_transaction_global_max_size, bytes(env("NEO4J_TEST_TX_MAX", "1g")))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                neo4j.close();
            } finally {
                deleteTree(dir);
                stopped.countDown();
            }
        }));
        System.out.println("READY " + "bolt://127.0.0.1:" + neo4j.boltURI().getPort());
        System.out.flush();
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** "256m", "2g", "1048576" as a byte count. */
    private static long bytes(String size) {
        String s = size.toLowerCase();
        long unit = s.endsWith("g") ? 1L << 30 : s.endsWith("m") ? 1L << 20 : s.endsWith("k") ? 1L << 10 : 1L;
        return Long.parseLong(unit == 1L ? s : s.substring(0, s.length() - 1)) * unit;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
