package io.sluice.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes plans as JSON, the form the command log stores. */
public final class PlanJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(SerializationFeature.INDENT_OUTPUT, false);

  private PlanJson() {}

  /** The mapper plans are written with; callers may embed plans in larger JSON documents with it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(PhysicalPlan plan) {
    try {
      return MAPPER.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write plan " + plan.queryId(), e);
    }
  }

  public static String writePretty(PhysicalPlan plan) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write plan " + plan.queryId(), e);
    }
  }

  /** Reads a plan, refusing one written by a newer Sluice than this one. */
  public static PhysicalPlan read(String json) {
    PhysicalPlan plan;
    try {
      plan = MAPPER.readValue(json, PhysicalPlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a valid plan: " + e.getOriginalMessage(), e);
    }
    if (plan.version() > PhysicalPlan.CURRENT_VERSION) {
      throw new IllegalArgumentException(
          "plan " + plan.queryId() + " has version " + plan.version()
              + ", newer than this server's " + PhysicalPlan.CURRENT_VERSION);
    }
    return plan;
  }
}
