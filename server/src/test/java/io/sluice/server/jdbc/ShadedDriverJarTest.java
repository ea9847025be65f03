package io.sluice.server.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.SharedKafka;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver jar is self-contained: a separate JVM with only the jar and a tiny client class on
 * its class path connects with {@code jdbc:sluice://}, in protobuf and in JSON.
 */
class ShadedDriverJarTest {

  private static JdbcServer server;

  @BeforeAll
  static void start() {
    server = new JdbcServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aJvmWithOnlyTheDriverJarConnectsAndQueries() throws Exception {
    Path jar = driverJar();
    try (JarFile jarFile = new JarFile(jar.toFile())) {
      assertTrue(jarFile.getEntry("io/sluice/jdbc/shaded/avatica/remote/Driver.class") != null, jar + " is not shaded");
      assertTrue(jarFile.getEntry("org/apache/calcite/avatica/remote/Driver.class") == null, jar + " has unrelocated Avatica");
    }
    Path classes = Directories.createTemp("jdbc-client");
    try {
      Path client = classes.resolve("io/sluice/server/jdbc/ShadedDriverClient.class");
      Files.createDirectories(client.getParent());
      Files.copy(Path.of(ShadedDriverClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .resolve("io/sluice/server/jdbc/ShadedDriverClient.class"), client);
      for (String serialization : List.of("", "?serialization=json")) {
        server.selects.pull(RowSchema.of(Column.key("ID", DataType.BIGINT), Column.value("NAME", DataType.STRING)),
            List.<Object[]>of(new Object[] {7L, "seven"}));
        String stream = SharedKafka.uniqueName("shaded").replace('-', '_').toUpperCase();
        String output = run(jar, classes, server.jdbcUrl(serialization), stream);
        assertEquals(List.of(
            "table " + stream + " STREAM",
            "row 7 seven",
            "prepared 7 seven",
            "driver io.sluice.jdbc.SluiceDriver",
            "no Avatica driver"),
            output.lines().filter(line -> !line.startsWith("SLF4J")).toList(), output);
        assertTrue(server.selects.statements.contains("SELECT * FROM " + stream + " WHERE ID = 7;"),
            server.selects.statements.toString());
      }
    } finally {
      Directories.deleteRecursively(classes);
    }
  }

  private static String run(Path jar, Path classes, String url, String stream) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", jar + File.pathSeparator + classes,
        ShadedDriverClient.class.getName(), url, stream)
        .redirectErrorStream(true)
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the client JVM did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  /** The shaded jar the build made: the one on the class path, or the one beside its classes directory. */
  private static Path driverJar() throws URISyntaxException, IOException, ClassNotFoundException {
    Path location = Path.of(Class.forName("io.sluice.jdbc.SluiceDriver").getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    if (Files.isRegularFile(location)) {
      return location;
    }
    try (Stream<Path> files = Files.list(location.getParent())) {
      return files.filter(p -> p.getFileName().toString().matches("sluice-jdbc-.*\\.jar")
              && !p.getFileName().toString().startsWith("original-"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("No driver jar beside " + location + ": package the jdbc module first"));
    }
  }
}
