package io.sluice.server.rest;

import io.javalin.config.RoutesConfig;
import io.sluice.server.ServerContext;

/**
 * One group of REST endpoints (say, {@code /ksql} or {@code /query}). Groups are registered on
 * {@link io.sluice.server.SluiceServer.Builder} and added once every component has started.
 */
@FunctionalInterface
public interface RestRoutes {

  void addTo(RoutesConfig routes, ServerContext context);
}
