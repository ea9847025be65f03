package io.sluice.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The running Sluice version, taken from the Maven project version at build time. */
public final class SluiceVersion {

  private static final String RESOURCE = "version.properties";
  private static final String VERSION = load();

  private SluiceVersion() {}

  public static String current() {
    return VERSION;
  }

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = SluiceVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath: the build is broken");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return properties.getProperty("version");
  }
}
