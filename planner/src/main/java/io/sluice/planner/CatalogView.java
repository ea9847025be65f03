package io.sluice.planner;

import io.sluice.plan.SourceDescriptor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/** The planner's read-only view of the catalog: streams, tables and views by upper-case name. */
public interface CatalogView {

  Optional<SourceDescriptor> source(String name);

  /** The view of that name, if there is one (views and sources share one namespace). */
  default Optional<ViewDefinition> view(String name) {
    return Optional.empty();
  }

  Collection<SourceDescriptor> sources();

  /**
   * The number of partitions of {@code topic}, or empty when it is not known (the planner then
   * takes it to have one, which only a catalog without Kafka behind it, in tests, should give).
   */
  default OptionalInt partitions(String topic) {
    return OptionalInt.empty();
  }

  /** This view, with the partition counts of topics looked up by {@code lookup}. */
  default CatalogView withPartitions(Function<String, OptionalInt> lookup) {
    CatalogView sources = this;
    return new CatalogView() {
      @Override
      public Optional<SourceDescriptor> source(String name) {
        return sources.source(name);
      }

      @Override
      public Collection<SourceDescriptor> sources() {
        return sources.sources();
      }

      @Override
      public Optional<ViewDefinition> view(String name) {
        return sources.view(name);
      }

      @Override
      public OptionalInt partitions(String topic) {
        return lookup.apply(topic);
      }
    };
  }

  /** A view over a fixed map of name to source. */
  static CatalogView of(Map<String, SourceDescriptor> sources) {
    return of(sources, Map.of());
  }

  /** A view over fixed maps of name to source and name to view. */
  static CatalogView of(Map<String, SourceDescriptor> sources, Map<String, ViewDefinition> views) {
    Map<String, SourceDescriptor> copy = Map.copyOf(sources);
    Map<String, ViewDefinition> viewsCopy = Map.copyOf(views);
    return new CatalogView() {
      @Override
      public Optional<SourceDescriptor> source(String name) {
        return Optional.ofNullable(copy.get(name));
      }

      @Override
      public Optional<ViewDefinition> view(String name) {
        return Optional.ofNullable(viewsCopy.get(name));
      }

      @Override
      public Collection<SourceDescriptor> sources() {
        return copy.values();
      }
    };
  }
}
