-- Nexmark's q5 with the highest count equated in ON, a join key beside the window bounds, rather than
-- compared after the join: the same window top, keyed by the count and the bounds.
CREATE STREAM NEXMARK (K BIGINT KEY, EVENT_TYPE INT) WITH (KAFKA_TOPIC='nexmark', VALUE_FORMAT='JSON', GRACE_PERIOD='4 SECONDS');
CREATE VIEW BID AS SELECT K AS AUCTION FROM NEXMARK WHERE EVENT_TYPE = 2;
CREATE STREAM Q5 AS SELECT AuctionBids.auction, AuctionBids.num
FROM (
  SELECT auction, count(*) AS num, window_start AS starttime, window_end AS endtime
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND))
  GROUP BY auction, window_start, window_end
) AS AuctionBids
JOIN (
  SELECT max(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime
  FROM (
    SELECT count(*) AS num, window_start AS starttime, window_end AS endtime
    FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND))
    GROUP BY auction, window_start, window_end
  ) AS CountBids
  GROUP BY CountBids.starttime, CountBids.endtime
) AS MaxBids
ON AuctionBids.starttime = MaxBids.starttime AND AuctionBids.endtime = MaxBids.endtime
  AND AuctionBids.num = MaxBids.maxn;
