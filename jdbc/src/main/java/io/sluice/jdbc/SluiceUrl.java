package io.sluice.jdbc;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A {@code jdbc:sluice://host:port[/path][?key=value&...]} URL turned into the Avatica connection
 * properties of the remote driver: the HTTP address of the server's JDBC route and the options.
 */
final class SluiceUrl {

  static final String PREFIX = "jdbc:sluice:";
  static final int DEFAULT_PORT = 8088;
  static final String DEFAULT_PATH = "/jdbc";
  /** Protobuf keeps DECIMAL values exact and is the faster of Avatica's two serializations. */
  static final String DEFAULT_SERIALIZATION = "protobuf";

  /** Avatica's property naming its HTTP client class; unset, plain http goes through {@link KeepAliveTransport}. */
  static final String HTTP_CLIENT = "httpclient_impl";

  private SluiceUrl() {}

  static boolean accepts(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  /**
   * The connection properties for {@code url}: {@code url} (the route's HTTP address) and
   * {@code serialization}, then the URL's parameters, then {@code given}, each overriding the one
   * before; and, for plain http without authentication, the driver's own transport.
   */
  static Properties properties(String url, Properties given) throws SQLException {
    String rest = url.substring(PREFIX.length());
    String address;
    if (rest.startsWith("//")) {
      address = "http:" + rest;
    } else if (rest.startsWith("http://") || rest.startsWith("https://")) {
      address = rest;
    } else {
      throw new SQLException("Not a Sluice URL: " + url + " (expected jdbc:sluice://host:port)");
    }
    String query = null;
    int question = address.indexOf('?');
    if (question >= 0) {
      query = address.substring(question + 1);
      address = address.substring(0, question);
    }
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      throw new SQLException("Not a Sluice URL: " + url + ": " + e.getMessage(), e);
    }
    if (uri.getHost() == null) {
      throw new SQLException("Not a Sluice URL: " + url + " (no host; expected jdbc:sluice://host:port)");
    }
    String path = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")
        ? DEFAULT_PATH : uri.getPath();
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    Properties properties = new Properties();
    properties.setProperty("url", uri.getScheme() + "://" + uri.getHost() + ":" + port + path);
    properties.setProperty("serialization", DEFAULT_SERIALIZATION);
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new SQLException("Bad parameter '" + pair + "' in " + url + " (expected key=value)");
        }
        properties.setProperty(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
      }
    }
    if (given != null) {
      given.stringPropertyNames().forEach(key -> properties.setProperty(key, given.getProperty(key)));
    }
    boolean plainHttp = uri.getScheme().equals("http");
    if (plainHttp && !properties.containsKey(HTTP_CLIENT) && !properties.containsKey("authentication")) {
      properties.setProperty(HTTP_CLIENT, KeepAliveTransport.class.getName());
    }
    return properties;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
