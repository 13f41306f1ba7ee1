import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * NEO4J_TEST_TX_MAX (memory for all open transactions, default 1g), NEO4J_TEST_IMPORT (a directory
 * `vendor-chain neo4j-csv` wrote: the server starts on what neo4j-admin imports from it). The JVM
 * heap is set by the caller's -Xmx. NEO4J_TEST_ARCHIVE_ONLY: start, then exit at once, for the
 * class archive start.sh makes. Prints "READY bolt://127.0.0.1:<port>" once Bolt accepts connections.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("NEO4J_TEST_PORT", "7687"));
        Path dir = Files.createTempDirectory("vendor-chain-neo4j-");
        var builder = Neo4jBuilders.newInProcessBuilder(dir);
        String csv = env("NEO4J_TEST_IMPORT", "");
        Path imported = csv.isEmpty() ? null : Files.createTempDirectory("vendor-chain-neo4j-import-");
        if (imported != null) {
            // The server runs on the data neo4j-admin wrote, where it wrote it: no copy of a large store.
            int status = bulkImport(Path.of(csv), imported);
            if (status != 0) {
                System.err.println("neo4j-admin database import failed (exit " + status + ")");
                deleteTree(dir);
                deleteTree(imported);
                System.exit(1);
            }
            builder.withConfig(GraphDatabaseSettings.data_directory, imported.resolve("data"));
        }
        Neo4j neo4j = builder
                .withDisabledServer()
                .withConfig(HttpConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                .withConfig(GraphDatabaseSettings.pagecache_memory, bytes(env("NEO4J_TEST_PAGECACHE", "256m")))
                .withConfig(GraphDatabaseSettings.memory_transaction_global_max_size, bytes(env("NEO4J_TEST_TX_MAX", "1g")))
                .build();

        if (!env("NEO4J_TEST_ARCHIVE_ONLY", "").isEmpty()) {
            // start.sh's run that only loads the classes a start loads, for its class-data archive,
            // which the JVM writes as it exits. Not closed first: Bolt takes ten seconds to close.
            deleteTree(dir);
            System.exit(0);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                neo4j.close();
            } finally {
                deleteTree(dir);
                if (imported != null) deleteTree(imported);
                stopped.countDown();
            }
        }));
        System.out.println("READY " + "bolt://127.0.0.1:" + neo4j.boltURI().getPort());
        System.out.flush();
        stopped.await();
    }

    /**
     * Runs `neo4j-admin database import full neo4j` into a fresh home with the arguments
     * `vendor-chain neo4j-csv` wrote beside its CSV files (neo4j-admin.args, files relative to it).
     * It runs in a JVM of its own, as neo4j-admin does, with the throughput collector: the import
     * is throughput work, and took a quarter longer under the server's G1 (cypher/README.md).
     * Returns its exit status.
     */
    private static int bulkImport(Path csv, Path home) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/neo4j.conf"), "");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean collector = arg.startsWith("-XX:+Use") && arg.endsWith("GC");
            if (!collector && !arg.startsWith("-Xms")) command.add(arg);
        }
        command.addAll(List.of("-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), "org.neo4j.cli.AdminTool"));
        command.addAll(List.of("database", "import", "full", "neo4j"));
        for (String line : Files.readAllLines(csv.resolve("neo4j-admin.args"))) {
            if (line.isBlank()) continue;
            Matcher file = Pattern.compile("^(--(?:nodes|relationships)=[A-Za-z_]+=)(.+)$").matcher(line);
            command.add(file.matches() ? file.group(1) + csv.resolve(file.group(2)).toAbsolutePath() : line);
        }
        command.add("--report-file=" + home.resolve("import.report"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NEO4J_HOME", home.toString());
        builder.environment().put("NEO4J_CONF", home.resolve("conf").toString());
        Process admin = builder.start();
        // Stopped with this process, not left importing on its own.
        Thread stopAdmin = new Thread(admin::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stopAdmin);
        // Its progress goes to stderr: stdout carries only the READY line.
        admin.getInputStream().transferTo(System.err);
        int status = admin.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopAdmin);
        return status;
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
