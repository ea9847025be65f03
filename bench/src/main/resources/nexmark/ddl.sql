-- The Nexmark source, Flink Nexmark's nested JSON layout (bench/run nexmark-load), and one view per
-- event type with all its fields in Flink Nexmark's order. ${INPUT} is the loaded topic. The loader
-- keys each record by an id (a person's id, an auction's id, a bid's auction), so the views take
-- those ids from the key, which is the same value: Sluice then knows the views are keyed by them
-- and joins on them without repartitioning, as the hand-written twins do. GRACE_PERIOD stands for Flink
-- Nexmark's watermark delay (dateTime - INTERVAL '4' SECOND) and for the drift between partitions,
-- which Flink's watermark (the minimum over partitions) hides and per-task stream time does not:
-- every window over the views closes 30 s of event time after its end (docs/benchmarks.md).
CREATE STREAM nexmark (k BIGINT KEY, event_type INT,
  person STRUCT<id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING, state STRING, `dateTime` TIMESTAMP, extra STRING>,
  auction STRUCT<id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT, `dateTime` TIMESTAMP, expires TIMESTAMP, seller BIGINT, category BIGINT, extra STRING>,
  bid STRUCT<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, `dateTime` TIMESTAMP, extra STRING>
) WITH (KAFKA_TOPIC='${INPUT}', VALUE_FORMAT='JSON', GRACE_PERIOD='30 SECONDS');
CREATE VIEW person AS SELECT k AS id, person->name AS name, person->emailAddress AS emailAddress, person->creditCard AS creditCard, person->city AS city, person->state AS state, person->`dateTime` AS `dateTime`, person->extra AS extra FROM nexmark WHERE event_type = 0;
CREATE VIEW auction AS SELECT k AS id, auction->itemName AS itemName, auction->description AS description, auction->initialBid AS initialBid, auction->reserve AS reserve, auction->`dateTime` AS `dateTime`, auction->expires AS expires, auction->seller AS seller, auction->category AS category, auction->extra AS extra FROM nexmark WHERE event_type = 1;
CREATE VIEW bid AS SELECT k AS auction, bid->bidder AS bidder, bid->price AS price, bid->channel AS channel, bid->url AS url, bid->`dateTime` AS `dateTime`, bid->extra AS extra FROM nexmark WHERE event_type = 2;
