package io.sluice.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The Sluice JDBC driver: Avatica's remote driver, talking to the {@code /jdbc} route of a Sluice
 * server, for URLs {@code jdbc:sluice://host:port[?key=value&...]}.
 *
 * <p>Everything else is Avatica's client. The driver only adds the URL form, result sets that
 * fetch exactly the rows asked for ({@link LiveFrames}), and a {@code Statement.cancel()} that
 * reaches the server, which Avatica's protocol has no message for (see {@link #stopOnServer}).
 */
public class SluiceDriver extends Driver {

  /** The offset of a fetch that asks the server to stop the statement's results. */
  static final long STOP_OFFSET = -1;

  static {
    // Loading this class ran Avatica's remote driver's own registration; only Sluice's stays, so
    // that this relocated copy never answers an application's jdbc:avatica:remote: URLs.
    for (java.sql.Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass() == Driver.class) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException e) {
          // Left registered: it only accepts jdbc:avatica:remote: URLs.
        }
      }
    }
    new SluiceDriver().register();
  }

  public SluiceDriver() {
    super();
  }

  @Override
  protected String getConnectStringPrefix() {
    return SluiceUrl.PREFIX;
  }

  @Override
  public boolean acceptsURL(String url) {
    return SluiceUrl.accepts(url);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Properties properties = SluiceUrl.properties(url, info);
    // Avatica would read the text after the prefix as key=value pairs; the properties carry them instead.
    properties.setProperty(SluiceFactory.ORIGINAL_URL, url);
    return super.connect(SluiceUrl.PREFIX, properties);
  }

  @Override
  protected AvaticaFactory createFactory() {
    return new SluiceFactory(super.createFactory());
  }

  @Override
  protected DriverVersion createDriverVersion() {
    String version = "unknown";
    try (InputStream in = SluiceDriver.class.getResourceAsStream("driver.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        version = properties.getProperty("version", version);
      }
    } catch (IOException e) {
      // The version is informational only.
    }
    int major = versionPart(version, 0);
    int minor = versionPart(version, 1);
    return new DriverVersion("Sluice JDBC Driver", version, "Sluice", version, false, major, minor, major, minor);
  }

  private static int versionPart(String version, int index) {
    String[] parts = version.split("[.-]");
    try {
      return parts.length > index ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Stops on the server the results {@code statement} is reading, typically a push query a reader
   * may be blocked on: the query ends and the blocked fetch is answered with the last frame. The
   * server-side statement stays open. Avatica's protocol has no message for this; the Sluice
   * server reads a fetch at offset {@value #STOP_OFFSET} as one.
   */
  static void stopOnServer(AvaticaStatement statement) {
    Meta meta = SluiceConnection.remoteMeta(statement.connection);
    if (meta == null || statement.handle == null) {
      return;
    }
    try {
      meta.fetch(statement.handle, STOP_OFFSET, 0);
    } catch (NoSuchStatementException | MissingResultsException | RuntimeException e) {
      // The statement or the server is gone: there is nothing left to stop.
    }
  }
}
