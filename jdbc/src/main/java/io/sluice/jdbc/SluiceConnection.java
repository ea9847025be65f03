package io.sluice.jdbc;

import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/** Avatica's connection, opening its remote Meta to the driver's result sets, which fetch rows and cancel through it. */
final class SluiceConnection extends AvaticaConnection {

  SluiceConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
  }

  Meta remoteMeta() {
    return meta;
  }

  /** The remote Meta behind {@code connection}, or null for a connection that is not Sluice's. */
  static Meta remoteMeta(AvaticaConnection connection) {
    return connection instanceof SluiceConnection sluice ? sluice.remoteMeta() : null;
  }
}
