package io.sluice.server.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The server's arguments: {@code --key=value} settings and an optional {@code --config FILE}. */
record CommandLine(Map<String, Setting> settings, Optional<String> configFile) {

  private static final String CONFIG = "config";

  static CommandLine parse(List<String> args) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    String configFile = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new ConfigException("Unexpected argument '" + arg + "': settings are given as --key=value");
      }
      int equals = arg.indexOf('=');
      String key = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      if (CONFIG.equals(key)) {
        if (equals >= 0) {
          configFile = arg.substring(equals + 1);
        } else if (i + 1 < args.size()) {
          configFile = args.get(++i);
        } else {
          throw new ConfigException("--config needs a file: --config FILE or --config=FILE");
        }
        if (configFile.isBlank()) {
          throw new ConfigException("--config needs a file: --config FILE or --config=FILE");
        }
      } else if (equals < 0) {
        throw new ConfigException("Missing value in '" + arg + "': settings are given as --" + key + "=value");
      } else if (key.isEmpty()) {
        throw new ConfigException("Missing key in '" + arg + "': settings are given as --key=value");
      } else {
        settings.put(key, new Setting(arg.substring(equals + 1), "command-line flag --" + key));
      }
    }
    return new CommandLine(settings, Optional.ofNullable(configFile));
  }
}
