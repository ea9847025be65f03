package io.sluice.server.config;

/** One setting's raw text and the place it came from, kept so errors can say where to fix it. */
public record Setting(String value, String source) {}
