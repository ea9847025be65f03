package io.sluice.server.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.plan.PlanJson;

/** Reads and writes commands as the JSON the command log holds. */
public final class CommandJson {

  private static final ObjectMapper MAPPER = PlanJson.mapper();

  private CommandJson() {}

  public static String write(Command command) {
    try {
      return MAPPER.writeValueAsString(command);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write command", e);
    }
  }

  public static Command read(String json) {
    try {
      return MAPPER.readValue(json, Command.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable command: " + e.getOriginalMessage(), e);
    }
  }
}
