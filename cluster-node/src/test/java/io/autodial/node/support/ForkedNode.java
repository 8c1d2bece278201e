package io.autodial.node.support;

import io.autodial.node.db.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A node in its own JVM ({@code io.autodial.node.Main --no-demo}), on the test's classpath, pointed
 * by environment variables at the test's database and simulator, on fixed ports. Its output goes
 * to a log file for diagnosis. Unlike an in-JVM node it can be killed hard (SIGKILL), as a crash
 * or an OOM kill would. Every started process is also killed when the test JVM exits.
 */
public final class ForkedNode implements AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "forked-node-reaper"));
  }

  /** Where a forked node finds its database and switch, and where it listens. */
  public record Settings(
      DatabaseSettings database,
      String eslHost,
      int eslPort,
      String eslPassword,
      int httpPort,
      int clusterPort,
      String adminPassword,
      String tokenSecret,
      String classpath) {}

  /**
   * The test's classpath with its directories (target/classes, target/test-classes) and this
   * project's own jars copied under {@code into}: every node started with it runs the same code,
   * however the shared build tree and local repository change while the test runs (a concurrent
   * compile or install can leave a class missing or truncated for a moment, and a class that fails
   * to load is fatal to the actor system, which then exits the JVM). Copies again until the
   * sources held still during a copy.
   */
  public static String frozenClasspath(Path into) {
    // surefire may put the test classpath in a manifest-only jar; its own property has it spelled out
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    try {
      for (int attempt = 1; ; attempt++) {
        List<String> entries = new ArrayList<>();
        Map<Path, String> fingerprints = new java.util.LinkedHashMap<>();
        int i = 0;
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
          if (entry.isBlank()) continue;
          Path source = Path.of(entry);
          boolean ours = Files.isDirectory(source) || entry.replace('\\', '/').contains("/io/autodial/");
          if (!ours || !Files.exists(source)) {
            entries.add(entry);
            continue;
          }
          Path target = into.resolve("cp-" + i++ + (Files.isDirectory(source) ? "" : "-" + source.getFileName())).toAbsolutePath();
          fingerprints.put(source, fingerprint(source));
          copy(source, target);
          entries.add(target.toString());
        }
        boolean still = true;
        for (var f : fingerprints.entrySet()) still &= f.getValue().equals(fingerprint(f.getKey()));
        if (still || attempt == 5) return String.join(java.io.File.pathSeparator, entries);
        sleep(2000); // a build is writing: let it finish
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy the classpath to " + into, e);
    }
  }

  /** Deletes what {@link #frozenClasspath} copied. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (var old = Files.walk(dir)) {
      for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort: it is under target/
    }
  }

  /** Every file's path, size and modification time. */
  private static String fingerprint(Path source) throws IOException {
    StringBuilder f = new StringBuilder();
    try (var files = Files.walk(source)) {
      for (Path p : files.sorted().toList())
        if (Files.isRegularFile(p)) f.append(p).append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
    }
    return f.toString();
  }

  private static void copy(Path source, Path target) throws IOException {
    deleteTree(target);
    try (var files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path to = Files.isDirectory(source) ? target.resolve(source.relativize(p).toString()) : target;
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else {
          Files.createDirectories(to.getParent());
          Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private final Process process;
  private final Path log;
  private final InetSocketAddress http;

  private ForkedNode(Process process, Path log, InetSocketAddress http) {
    this.process = process;
    this.log = log;
    this.http = http;
  }

  /** Starts the node and returns once {@code /health} answers 200, or fails with its log's tail. */
  public static ForkedNode start(Settings s, Path log, Duration readyWithin) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", s.classpath(), "io.autodial.node.Main", "--no-demo"));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AUTODIAL_") || k.startsWith("DATABASE_") || k.startsWith("ESL_"));
    env.put("DATABASE_URL", s.database().url().replace("//localhost:", "//127.0.0.1:"));
    env.put("DATABASE_USER", s.database().user());
    env.put("DATABASE_PASSWORD", s.database().password());
    env.put("AUTODIAL_SIMULATOR", "false");
    env.put("ESL_HOST", s.eslHost());
    env.put("ESL_PORT", Integer.toString(s.eslPort()));
    env.put("ESL_PASSWORD", s.eslPassword());
    env.put("AUTODIAL_HTTP_HOST", "127.0.0.1");
    env.put("AUTODIAL_HTTP_PORT", Integer.toString(s.httpPort()));
    env.put("AUTODIAL_CLUSTER_HOST", "127.0.0.1");
    env.put("AUTODIAL_CLUSTER_PORT", Integer.toString(s.clusterPort()));
    env.put("AUTODIAL_ADMIN_PASSWORD", s.adminPassword());
    env.put("AUTODIAL_TOKEN_SECRET", s.tokenSecret());
    env.put("AUTODIAL_COMPANY_NUMBERS", "+12125550000");
    env.put("AUTODIAL_DEMO", "false");
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a node JVM", e);
    }
    LIVE.add(process);
    ForkedNode node = new ForkedNode(process, log, new InetSocketAddress("127.0.0.1", s.httpPort()));
    try {
      node.awaitHealthy(readyWithin);
    } catch (RuntimeException | Error e) {
      node.close();
      throw e;
    }
    return node;
  }

  private void awaitHealthy(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    URI health = URI.create("http://127.0.0.1:" + http.getPort() + "/health");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive())
        throw new AssertionError("the node JVM exited with " + process.exitValue() + " before it was healthy; log " + log + ":\n" + logTail(60));
      try {
        HttpResponse<String> r =
            HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      sleep(200);
    }
    throw new AssertionError("the node was not healthy within " + within + "; log " + log + ":\n" + logTail(60));
  }

  public InetSocketAddress httpAddress() {
    return http;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /** SIGKILL: no shutdown hook, no coordinated shutdown, nothing flushed. Waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
  }

  /** Kills the process if it still runs; bounded. */
  @Override
  public void close() {
    if (process.isAlive()) kill();
    LIVE.remove(process);
  }

  private void awaitExit(Duration max) {
    try {
      if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS))
        throw new AssertionError("node JVM " + process.pid() + " did not exit within " + max);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The last {@code lines} lines of the node's log. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** A port nobody listens on right now, on 127.0.0.1. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
