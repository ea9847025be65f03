package io.sluice.server.rest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * Serves the browser console at {@code /}: its own HTML, CSS and JavaScript from the classpath
 * ({@code io/sluice/console}), and the CodeMirror editor from its webjar under {@code /webjars}.
 * Nothing is built or fetched at start-up or run time.
 */
public final class ConsoleFiles {

  static final String CLASSPATH_DIRECTORY = "/io/sluice/console";

  private ConsoleFiles() {}

  public static void addTo(JavalinConfig config) {
    config.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = CLASSPATH_DIRECTORY;
      files.location = Location.CLASSPATH;
      // The console's own files change with each build, unlike the versioned webjar paths.
      files.headers = Map.of("Cache-Control", "no-cache");
    });
    config.staticFiles.enableWebjars();
  }
}
