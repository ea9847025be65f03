package io.sluice.planner;

import io.sluice.plan.SourceDescriptor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The planner's read-only view of the catalog: streams and tables by upper-case name. */
public interface CatalogView {

  Optional<SourceDescriptor> source(String name);

  Collection<SourceDescriptor> sources();

  /** A view over a fixed map of name to source. */
  static CatalogView of(Map<String, SourceDescriptor> sources) {
    Map<String, SourceDescriptor> copy = Map.copyOf(sources);
    return new CatalogView() {
      @Override
      public Optional<SourceDescriptor> source(String name) {
        return Optional.ofNullable(copy.get(name));
      }

      @Override
      public Collection<SourceDescriptor> sources() {
        return copy.values();
      }
    };
  }
}
