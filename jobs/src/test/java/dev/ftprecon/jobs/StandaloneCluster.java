package dev.ftprecon.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on loopback, started from the project's own Spark jars: one Master and
 * N Workers (1 core, 1 GiB each) as child JVMs, every port ephemeral, every log under {@code dir}.
 * The Workers launch executors from {@code SPARK_HOME/jars} (links to the same Maven-resolved jars)
 * and need SPARK_SCALA_VERSION to find them. Applications are submitted through SparkSubmit in a
 * child JVM, as {@code spark-submit} does in client mode. {@link #close()} kills every process it
 * started, executors and drivers included; a shutdown hook does the same if the test JVM dies.
 */
final class StandaloneCluster implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern MASTER_URL =
      Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");
  private static final Pattern WORKER_REGISTERED =
      Pattern.compile("Successfully registered with master");

  private final Path dir;
  private final Path sparkHome;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::killAll, "standalone-cluster-cleanup");
  private String masterUrl;

  private StandaloneCluster(Path dir, Path sparkHome) {
    this.dir = dir;
    this.sparkHome = sparkHome;
  }

  /** Starts a Master and {@code workerCount} Workers and waits until every Worker registered. */
  static StandaloneCluster start(Path dir, int workerCount) throws Exception {
    Files.createDirectories(dir);
    StandaloneCluster cluster = new StandaloneCluster(dir, sparkHome(dir.resolve("spark-home")));
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.startMaster();
      for (int i = 1; i <= workerCount; i++) {
        cluster.startWorker(i);
      }
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  /** The Worker JVM started {@code n}-th (1-based): its executors are its child processes. */
  Process worker(int n) {
    return workers.get(n - 1);
  }

  /** Runs SparkSubmit (client mode) in a child JVM; its output goes to {@code log}. */
  Process submit(Path log, List<String> sparkConf, String mainClass, Path appJar, String... args)
      throws IOException {
    List<String> command = java("1g", "org.apache.spark.deploy.SparkSubmit");
    command.addAll(List.of("--master", masterUrl, "--deploy-mode", "client", "--class", mainClass));
    for (String conf : sparkConf) {
      command.add("--conf");
      command.add(conf);
    }
    command.add(appJar.toString());
    command.addAll(Arrays.asList(args));
    return launch(command, log);
  }

  private void startMaster() throws Exception {
    Path log = dir.resolve("master.log");
    List<String> command = java("256m", "org.apache.spark.deploy.master.Master");
    command.addAll(List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"));
    Process master = launch(command, log);
    Matcher url = awaitLine(master, log, MASTER_URL);
    masterUrl = url.group(1);
  }

  private void startWorker(int n) throws Exception {
    Path log = dir.resolve("worker-" + n + ".log");
    Path work = Files.createDirectories(dir.resolve("worker-" + n + "-work"));
    List<String> command = java("256m", "org.apache.spark.deploy.worker.Worker");
    command.addAll(
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--webui-port",
            "0",
            "--cores",
            "1",
            "--memory",
            "1g",
            "--work-dir",
            work.toString(),
            masterUrl));
    Process worker = launch(command, log);
    workers.add(worker);
    awaitLine(worker, log, WORKER_REGISTERED);
  }

  private static Matcher awaitLine(Process process, Path log, Pattern pattern) throws Exception {
    return new ProcessLog(log)
        .await(pattern, 0, START_TIMEOUT, process::isAlive)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "exited with "
                        + process.exitValue()
                        + " before '"
                        + pattern
                        + "'; see "
                        + log));
  }

  /**
   * A JVM on Spark's jars with the JDK 17 opens Spark needs. The REST submission server (a fixed
   * port, 6066) is off: nothing here uses it.
   */
  private List<String> java(String heap, String mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(
        Arrays.asList(System.getProperty("ftprecon.jvm.opens", "").trim().split("\\s+")));
    command.add("-Dspark.master.rest.enabled=false");
    command.add("-cp");
    command.add(sparkHome.resolve("jars") + "/*");
    command.add(mainClass);
    return command;
  }

  private Process launch(List<String> command, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    // Everything binds to loopback: RPC, block managers, the web UIs of master and workers.
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.remove("SPARK_CONF_DIR");
    Process process = builder.start();
    synchronized (processes) {
      processes.add(process);
    }
    return process;
  }

  /** SPARK_HOME with jars/ holding links to the jars of the project's Spark (provided scope). */
  private static Path sparkHome(Path home) throws IOException {
    String classpathFile = System.getProperty("ftprecon.spark.classpath");
    if (classpathFile == null || !Files.exists(Path.of(classpathFile))) {
      throw new IllegalStateException(
          "no Spark classpath file (ftprecon.spark.classpath="
              + classpathFile
              + "); it is written at package: run through 'mvn verify'");
    }
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : Files.readString(Path.of(classpathFile)).trim().split(":")) {
      Path jar = Path.of(entry);
      Path link = jars.resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, jar);
      }
    }
    return home;
  }

  /** Kills a process and everything it started (a Worker's executors, a driver's children). */
  static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs killAll anyway
    }
  }

  private void killAll() {
    List<Process> started;
    synchronized (processes) {
      started = new ArrayList<>(processes);
      processes.clear();
    }
    // Drivers and workers first (they would relaunch executors), the master last.
    for (int i = started.size() - 1; i >= 0; i--) {
      kill(started.get(i));
    }
  }
}
