package io.sluice.server.statement;

import io.sluice.plan.SourceDescriptor;
import io.sluice.server.catalog.Catalog;
import io.sluice.server.query.PersistentQuery;
import io.sluice.server.query.QueryRegistry;
import java.util.List;
import java.util.Locale;

/** Shared wording for statements about sources: kinds, command ids and "in use" refusals. */
final class SourceNaming {

  private SourceNaming() {}

  static String kind(SourceDescriptor source) {
    return source.isTable() ? "table" : "stream";
  }

  static String kind(boolean table) {
    return table ? "table" : "stream";
  }

  static String commandId(boolean table, String name, String action) {
    return kind(table) + "/`" + name + "`/" + action;
  }

  static String capitalized(boolean table) {
    String kind = kind(table);
    return kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
  }

  /** Refuses to change {@code name} while views read it, naming them. */
  static void refuseIfViewsRead(Catalog catalog, String name, String action) {
    List<String> views = catalog.viewsReading(name);
    if (!views.isEmpty()) {
      throw new StatementException("Cannot " + action + " " + name + ". The following views read from it: " + views
          + ". You need to drop them first.");
    }
  }

  /** Refuses to create a stream or table named like a view: they share one namespace. */
  static void refuseIfView(Catalog catalog, String name, boolean table) {
    if (catalog.viewEntry(name).isPresent()) {
      throw new StatementException("Cannot add " + kind(table) + " '" + name + "': A view with the same name already "
          + "exists");
    }
  }

  /** Refuses to change {@code name} while queries read or write it, naming them. */
  static void refuseIfInUse(QueryRegistry queries, String name, String action) {
    List<String> readers = queries.readersOf(name).stream().map(PersistentQuery::id).toList();
    List<String> writers = queries.writersOf(name).stream().map(PersistentQuery::id).toList();
    if (!readers.isEmpty() || !writers.isEmpty()) {
      throw new StatementException("Cannot " + action + " " + name + ". The following queries read from this source: "
          + readers + ". The following queries write into this source: " + writers
          + ". You need to terminate them first.");
    }
  }
}
