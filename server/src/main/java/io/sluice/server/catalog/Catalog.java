package io.sluice.server.catalog;

import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SourceType;
import io.sluice.planner.CatalogView;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The server's streams and tables, each with the statement that created it. Thread-safe. */
public final class Catalog implements CatalogView {

  /** A catalog source and the statement that defined it. */
  public record Entry(SourceDescriptor descriptor, String statementText) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<SourceDescriptor> source(String name) {
    return entry(name).map(Entry::descriptor);
  }

  @Override
  public Collection<SourceDescriptor> sources() {
    return entries.values().stream().map(Entry::descriptor).toList();
  }

  public Optional<Entry> entry(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** The sources of one type, by name. */
  public List<Entry> list(SourceType type) {
    return entries.values().stream()
        .filter(e -> e.descriptor().type() == type)
        .sorted(Comparator.comparing(e -> e.descriptor().name()))
        .toList();
  }

  public void put(SourceDescriptor descriptor, String statementText) {
    entries.put(descriptor.name(), new Entry(descriptor, statementText));
  }

  public void remove(String name) {
    entries.remove(name);
  }

  /** A frozen copy, so that planning one statement sees one consistent catalog. */
  public CatalogView snapshot() {
    Map<String, SourceDescriptor> copy = new HashMap<>();
    entries.forEach((name, entry) -> copy.put(name, entry.descriptor()));
    return CatalogView.of(copy);
  }
}
