package io.sluice.server.engine;

import io.sluice.planner.CatalogView;
import io.sluice.planner.ViewDefinition;
import io.sluice.server.catalog.Catalog;
import io.sluice.server.commands.Command;
import io.sluice.server.commands.CommandJson;
import io.sluice.server.commands.CommandLog;
import io.sluice.server.commands.CommandLogException;
import io.sluice.server.commands.CommandRecord;
import io.sluice.server.commands.CreateQueryCommand;
import io.sluice.server.commands.CreateSourceCommand;
import io.sluice.server.commands.CreateViewCommand;
import io.sluice.server.commands.DropSourceCommand;
import io.sluice.server.commands.DropViewCommand;
import io.sluice.server.commands.TerminateQueryCommand;
import io.sluice.server.kafka.Topics;
import io.sluice.server.query.QueryRegistry;
import io.sluice.server.query.QueryRegistry.PreparedQuery;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's state machine: the catalog and the running queries, changed only by applying
 * commands, each first made durable in the command log. Replaying the log at start rebuilds it;
 * following it afterwards applies the commands of the other nodes of the same service.
 */
public final class Engine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(60);

  private final Catalog catalog = new Catalog();
  private final QueryRegistry queries;
  private final CommandLog commandLog;
  private final Topics topics;
  private final EngineSettings settings;
  private final AtomicLong nextSequence = new AtomicLong();

  public Engine(EngineSettings settings, CommandLog commandLog, Topics topics, QueryRegistry queries) {
    this.settings = settings;
    this.commandLog = commandLog;
    this.topics = topics;
    this.queries = queries;
  }

  public Catalog catalog() {
    return catalog;
  }

  public QueryRegistry queries() {
    return queries;
  }

  /**
   * The catalog as it is now, for planning a query: with the partition counts of the topics, looked
   * up in Kafka, which decide a join's repartitions.
   */
  public CatalogView planningCatalog() {
    // One statement's planning asks for a topic's count several times; ask Kafka once.
    Map<String, OptionalInt> counts = new HashMap<>();
    return catalog.snapshot().withPartitions(topic -> counts.computeIfAbsent(topic, t ->
        topics.partitionCountIfExists(t).map(OptionalInt::of).orElse(OptionalInt.empty())));
  }

  public Topics topics() {
    return topics;
  }

  public EngineSettings settings() {
    return settings;
  }

  /** The offset of the next command to apply, which is the sequence number the next command gets; query ids are made from it. */
  public long nextSequence() {
    return nextSequence.get();
  }

  /** Makes {@code command} durable, then applies it. Returns its sequence number. */
  public long submit(Command command) {
    return submit(command, () -> { });
  }

  /**
   * Checks {@code command} (a query's plan must build and its settings be valid), runs
   * {@code prepare} (such as creating topics), makes the command durable, then applies it after
   * any command other nodes appended before it. A failure before the append leaves the log
   * untouched. Returns the command's sequence number.
   */
  public long submit(Command command, Runnable prepare) {
    PreparedQuery query = command instanceof CreateQueryCommand create ? queries.prepare(create) : null;
    prepare.run();
    long sequence = commandLog.append(CommandJson.write(command));
    long deadline = System.nanoTime() + READ_BACK_TIMEOUT.toNanos();
    while (nextSequence.get() <= sequence) {
      if (System.nanoTime() - deadline > 0) {
        throw new CommandLogException("Command " + sequence + " was written but cannot be read back from the command log", null);
      }
      for (CommandRecord record : commandLog.readFrom(nextSequence.get())) {
        if (record.offset() == sequence) {
          nextSequence.set(sequence + 1);
          apply(command, query);
        } else if (record.offset() < sequence) {
          applyRecord(record);
        }
      }
    }
    return sequence;
  }

  /** Whether the command log holds commands not applied here yet; takes no lock a statement needs. */
  public boolean behindCommandLog() {
    return commandLog.endOffset() > nextSequence.get();
  }

  /**
   * Applies the commands other nodes (or this node before a failed acknowledgement) appended
   * since the last one applied here. Callers serialize this with statement execution.
   */
  public void catchUp() {
    for (CommandRecord record : commandLog.readFrom(nextSequence.get())) {
      applyRecord(record);
    }
  }

  private void applyRecord(CommandRecord record) {
    try {
      apply(CommandJson.read(record.json()));
    } catch (RuntimeException e) {
      LOG.error("Command at offset {} could not be applied; skipping it", record.offset(), e);
    }
    nextSequence.set(record.offset() + 1);
  }

  /**
   * Applies every command in the log, in order: the catalog and the queries come back. A query
   * terminated later in the log is not started at all, only its catalog changes are kept.
   */
  public int replay() {
    List<CommandRecord> records = commandLog.readAll();
    Map<Long, Command> commands = new LinkedHashMap<>();
    Set<String> terminated = new HashSet<>();
    for (CommandRecord record : records) {
      try {
        Command command = CommandJson.read(record.json());
        commands.put(record.offset(), command);
        if (command instanceof TerminateQueryCommand terminate) {
          terminated.add(terminate.queryId());
        }
      } catch (RuntimeException e) {
        LOG.error("Command at offset {} cannot be read; skipping it", record.offset(), e);
      }
      nextSequence.set(record.offset() + 1);
    }
    int applied = 0;
    for (Map.Entry<Long, Command> entry : commands.entrySet()) {
      Command command = entry.getValue();
      try {
        if (command instanceof CreateQueryCommand create && terminated.contains(create.queryId())) {
          if (create.newSink() != null) {
            catalog.put(create.newSink(), create.statementText());
          }
        } else if (!(command instanceof TerminateQueryCommand)) {
          apply(command);
        }
        applied++;
      } catch (RuntimeException e) {
        LOG.error("Command at offset {} could not be replayed; skipping it", entry.getKey(), e);
      }
    }
    return applied;
  }

  private void apply(Command command) {
    apply(command, null);
  }

  /** Applies a command; a query already prepared at submission is started without building it again. */
  private void apply(Command command, PreparedQuery prepared) {
    if (command instanceof CreateSourceCommand create) {
      catalog.put(create.source(), create.statementText());
    } else if (command instanceof CreateQueryCommand create) {
      if (create.newSink() != null) {
        catalog.put(create.newSink(), create.statementText());
      }
      if (prepared != null) {
        queries.start(prepared);
      } else {
        queries.start(create);
      }
    } else if (command instanceof DropSourceCommand drop) {
      catalog.remove(drop.name());
    } else if (command instanceof TerminateQueryCommand terminate) {
      queries.terminate(terminate.queryId());
    } else if (command instanceof CreateViewCommand create) {
      catalog.putView(new Catalog.ViewEntry(new ViewDefinition(create.name(), create.statementText()),
          create.schema(), create.reads()));
    } else if (command instanceof DropViewCommand drop) {
      catalog.removeView(drop.name());
    }
  }

  @Override
  public void close() {
    queries.close();
  }
}
