/**
 * Pull queries on tables kept by running aggregations: reading their state stores through Kafka
 * Streams' interactive queries and shaping the rows as the pull query asks.
 */
package io.sluice.runtime.pull;
