package io.sluice.server.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.SourceDescriptor;
import java.util.List;
import java.util.Map;

/**
 * Starts a persistent query from its stored plan. {@code newSink} is the stream a CREATE ... AS
 * SELECT defines (null for INSERT INTO); {@code streamsProperties} are the overrides the statement
 * was submitted with, kept so a restart runs the query exactly as before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateQueryCommand(
    String statementText, SourceDescriptor newSink, PhysicalPlan plan, List<String> sources, String sink,
    Map<String, String> streamsProperties, String logicalPlan) implements Command {

  public String queryId() {
    return plan.queryId();
  }
}
