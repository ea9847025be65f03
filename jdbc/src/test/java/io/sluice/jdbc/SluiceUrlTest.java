package io.sluice.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SluiceUrlTest {

  @Test
  void hostAndPortBecomeTheJdbcRouteWithProtobuf() throws SQLException {
    Properties properties = SluiceUrl.properties("jdbc:sluice://localhost:9000", null);
    assertEquals("http://localhost:9000/jdbc", properties.getProperty("url"));
    assertEquals("protobuf", properties.getProperty("serialization"));
  }

  @Test
  void portDefaultsTo8088() throws SQLException {
    assertEquals("http://db.example:8088/jdbc", SluiceUrl.properties("jdbc:sluice://db.example/", null).getProperty("url"));
  }

  @Test
  void urlParametersAreDecodedAndExplicitPropertiesWin() throws SQLException {
    Properties given = new Properties();
    given.setProperty("auto.offset.reset", "latest");
    Properties properties = SluiceUrl.properties(
        "jdbc:sluice://h:1?serialization=json&auto.offset.reset=earliest&x=a%20b", given);
    assertEquals("json", properties.getProperty("serialization"));
    assertEquals("latest", properties.getProperty("auto.offset.reset"));
    assertEquals("a b", properties.getProperty("x"));
  }

  @Test
  void httpsAndPathAreKept() throws SQLException {
    assertEquals("https://h:443/sluice/jdbc",
        SluiceUrl.properties("jdbc:sluice:https://h:443/sluice/jdbc", null).getProperty("url"));
  }

  @Test
  void plainHttpWithoutAuthenticationGoesThroughTheKeepAliveTransport() throws SQLException {
    String transport = KeepAliveTransport.class.getName();
    assertEquals(transport, SluiceUrl.properties("jdbc:sluice://h:1", null).getProperty(SluiceUrl.HTTP_CLIENT));
    assertNull(SluiceUrl.properties("jdbc:sluice:https://h:443", null).getProperty(SluiceUrl.HTTP_CLIENT));
    assertNull(SluiceUrl.properties("jdbc:sluice://h:1?authentication=BASIC", null).getProperty(SluiceUrl.HTTP_CLIENT));
    assertEquals("my.Client",
        SluiceUrl.properties("jdbc:sluice://h:1?httpclient_impl=my.Client", null).getProperty(SluiceUrl.HTTP_CLIENT));
  }

  @Test
  void otherUrlsAreRefusedOrNotAccepted() {
    assertFalse(SluiceUrl.accepts("jdbc:avatica:remote:url=http://h"));
    assertTrue(SluiceUrl.accepts("jdbc:sluice://h"));
    assertThrows(SQLException.class, () -> SluiceUrl.properties("jdbc:sluice:h:8088", null));
    assertThrows(SQLException.class, () -> SluiceUrl.properties("jdbc:sluice://h:1?novalue", null));
  }
}
