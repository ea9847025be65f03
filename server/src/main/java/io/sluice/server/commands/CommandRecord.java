package io.sluice.server.commands;

/** One entry of the command log: its offset in the log and the JSON text that was appended. */
public record CommandRecord(long offset, String json) {}
