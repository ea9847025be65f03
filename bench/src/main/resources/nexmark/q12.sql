-- q12, bids per bidder: the count of each bidder's bids per 10 s tumbling window. Flink's runs on
-- processing time (PROCTIME()); Sluice has no processing-time windows, so this one uses event time.
-- Windows follow the source's event time, ROWTIME: the loader writes each event's dateTime as its
-- record timestamp, so DESCRIPTOR(ROWTIME) is the bid's dateTime.
CREATE TABLE nexmark_q12 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT bidder, count(*) AS bid_count, window_start, window_end
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND))
GROUP BY bidder, window_start, window_end;
