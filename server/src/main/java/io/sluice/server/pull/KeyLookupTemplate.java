package io.sluice.server.pull;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.pull.PullQueryPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A planned key-lookup query as a template for the queries of its {@link QueryShape}: which of
 * its literals are the keys it looks up. A query of the same shape whose other literals are the
 * same looks up its own literals at those places, and is otherwise the same query, so it needs no
 * planning or compiling.
 */
final class KeyLookupTemplate {

  private final List<String> literals;
  private final int[][] positions;
  private final DataType[][] types;

  private KeyLookupTemplate(List<String> literals, int[][] positions, DataType[][] types) {
    this.literals = literals;
    this.positions = positions;
    this.types = types;
  }

  /** The template of a planned query, or null if its key lookups cannot each be traced to one literal. */
  static KeyLookupTemplate of(PullQueryPlan plan, QueryShape shape) {
    if (!plan.looksUpKeys()) {
      return null;
    }
    List<List<Expr>> tuples = plan.keyLookups();
    int[][] positions = new int[tuples.size()][];
    DataType[][] types = new DataType[tuples.size()][];
    for (int t = 0; t < tuples.size(); t++) {
      List<Expr> tuple = tuples.get(t);
      positions[t] = new int[tuple.size()];
      types[t] = new DataType[tuple.size()];
      for (int c = 0; c < tuple.size(); c++) {
        if (!(tuple.get(c) instanceof Literal literal) || literal.isNull()) {
          return null;
        }
        int position = onlyMatch(literal, shape);
        if (position < 0) {
          return null;
        }
        positions[t][c] = position;
        types[t][c] = literal.type();
      }
    }
    return new KeyLookupTemplate(shape.texts(), positions, types);
  }

  /**
   * The key lookups of a query of the same shape, given its literals' values in text order, or
   * null if its other literals differ from the template's.
   */
  List<List<Expr>> lookups(List<String> given) {
    if (given.size() != literals.size()) {
      return null;
    }
    Set<Integer> keyPositions = new HashSet<>();
    for (int[] tuple : positions) {
      for (int position : tuple) {
        keyPositions.add(position);
      }
    }
    for (int i = 0; i < literals.size(); i++) {
      if (!keyPositions.contains(i) && !literals.get(i).equals(given.get(i))) {
        return null;
      }
    }
    List<List<Expr>> out = new ArrayList<>();
    for (int t = 0; t < positions.length; t++) {
      List<Expr> tuple = new ArrayList<>();
      for (int c = 0; c < positions[t].length; c++) {
        tuple.add(new Literal(given.get(positions[t][c]), types[t][c]));
      }
      out.add(tuple);
    }
    return out;
  }

  /** The index of the one literal whose value is the plan literal's, or -1 if none or several. */
  private static int onlyMatch(Literal literal, QueryShape shape) {
    int found = -1;
    for (int i = 0; i < shape.texts().size(); i++) {
      if (same(literal, shape.texts().get(i), shape.kinds().charAt(i))) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  /** True if the SQL literal is the plan literal: a whole number of the same value, or the same string. */
  private static boolean same(Literal literal, String text, char kind) {
    return switch (literal.type().name()) {
      case INTEGER, BIGINT -> kind != 'S' && new BigDecimal(text).compareTo(new BigDecimal(literal.value())) == 0;
      case STRING -> kind == 'S' && text.equals(literal.value());
      default -> false;
    };
  }
}
