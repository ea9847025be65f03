package io.sluice.planner.query;

import io.sluice.plan.RowSchema;
import io.sluice.planner.ViewDefinition;
import java.util.List;

/**
 * A checked CREATE VIEW: the view, the columns its query gives, and every stream, table and view
 * it reads, directly or through other views (none of which can be dropped while it stands).
 */
public record CreateViewPlan(ViewDefinition view, RowSchema schema, List<String> reads) {}
