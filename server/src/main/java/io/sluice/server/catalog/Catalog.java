package io.sluice.server.catalog;

import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SourceType;
import io.sluice.planner.CatalogView;
import io.sluice.planner.ViewDefinition;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The server's streams, tables and views, each with the statement that created it. Thread-safe. */
public final class Catalog implements CatalogView {

  /** A catalog source and the statement that defined it. */
  public record Entry(SourceDescriptor descriptor, String statementText) {}

  /** A view, its columns, and the streams, tables and views it reads (directly or through other views). */
  public record ViewEntry(ViewDefinition definition, RowSchema schema, List<String> reads) {

    public String name() {
      return definition.name();
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, ViewEntry> views = new ConcurrentHashMap<>();

  @Override
  public Optional<SourceDescriptor> source(String name) {
    return entry(name).map(Entry::descriptor);
  }

  @Override
  public Collection<SourceDescriptor> sources() {
    return entries.values().stream().map(Entry::descriptor).toList();
  }

  @Override
  public Optional<ViewDefinition> view(String name) {
    return viewEntry(name).map(ViewEntry::definition);
  }

  public Optional<Entry> entry(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  public Optional<ViewEntry> viewEntry(String name) {
    return Optional.ofNullable(views.get(name));
  }

  /** The sources of one type, by name. */
  public List<Entry> list(SourceType type) {
    return entries.values().stream()
        .filter(e -> e.descriptor().type() == type)
        .sorted(Comparator.comparing(e -> e.descriptor().name()))
        .toList();
  }

  /** The views, by name. */
  public List<ViewEntry> views() {
    return views.values().stream().sorted(Comparator.comparing(ViewEntry::name)).toList();
  }

  /** The names of the views that read {@code name}, a source or a view, directly or through other views. */
  public List<String> viewsReading(String name) {
    return views.values().stream().filter(v -> v.reads().contains(name)).map(ViewEntry::name).sorted().toList();
  }

  public void put(SourceDescriptor descriptor, String statementText) {
    entries.put(descriptor.name(), new Entry(descriptor, statementText));
  }

  public void remove(String name) {
    entries.remove(name);
  }

  public void putView(ViewEntry view) {
    views.put(view.name(), view);
  }

  public void removeView(String name) {
    views.remove(name);
  }

  /** A frozen copy, so that planning one statement sees one consistent catalog. */
  public CatalogView snapshot() {
    Map<String, SourceDescriptor> copy = new HashMap<>();
    entries.forEach((name, entry) -> copy.put(name, entry.descriptor()));
    Map<String, ViewDefinition> viewsCopy = new HashMap<>();
    views.forEach((name, view) -> viewsCopy.put(name, view.definition()));
    return CatalogView.of(copy, viewsCopy);
  }
}
