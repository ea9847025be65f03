package io.sluice.server.conformance;

import io.sluice.plan.SourceDescriptor;

/** Columns and formats of sources as the planned catalog holds them, for runs on the driver. */
record CatalogLookup(PlannedScript script) implements SourceLookup {

  @Override
  public String columns(String source) {
    SourceDescriptor found = script.catalog().get(source);
    return found == null ? "<no source " + source + ">" : CaseCheck.describe(found.schema());
  }

  @Override
  public String formats(String source) {
    SourceDescriptor found = script.catalog().get(source);
    return found == null ? "<no source " + source + ">"
        : SourceLookup.formats(found.formats().keyFormat().name(), found.formats().valueFormat().name());
  }
}
