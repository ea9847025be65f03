-- Nexmark's q5 shape: a window table function's per-auction counts joined with their highest count
-- per window, an aggregation of that aggregation grouped by its window bounds (a re-aggregation per
-- window of its input), on the window bounds and a comparison of the counts.
CREATE STREAM NEXMARK (K BIGINT KEY, EVENT_TYPE INT, PRICE BIGINT) WITH (KAFKA_TOPIC='nexmark', VALUE_FORMAT='JSON', GRACE_PERIOD='4 SECONDS');
CREATE VIEW BID AS SELECT K AS AUCTION, PRICE FROM NEXMARK WHERE EVENT_TYPE = 2;
CREATE STREAM Q5 AS SELECT AuctionBids.auction, AuctionBids.num
FROM (
  SELECT auction, count(*) AS num, window_start AS starttime, window_end AS endtime
  FROM TABLE(HOP(TABLE bid, DESCRIPTOR(ROWTIME), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
  GROUP BY auction, window_start, window_end
) AS AuctionBids
JOIN (
  SELECT max(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime
  FROM (
    SELECT count(*) AS num, window_start AS starttime, window_end AS endtime
    FROM TABLE(HOP(TABLE bid, DESCRIPTOR(ROWTIME), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
    GROUP BY auction, window_start, window_end
  ) AS CountBids
  GROUP BY CountBids.starttime, CountBids.endtime
) AS MaxBids
ON AuctionBids.starttime = MaxBids.starttime AND AuctionBids.endtime = MaxBids.endtime
  AND AuctionBids.num >= MaxBids.maxn;
