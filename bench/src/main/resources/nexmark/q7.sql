-- q7, highest bid: the bids whose price is the highest of a 10 s tumbling window (event time)
-- that ends at most 10 s after the bid.
-- DESCRIPTOR(ROWTIME): windows follow the source's event time, the record timestamp, which the
-- loader sets to each event's dateTime.
CREATE STREAM nexmark_q7 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT B.auction, B.price, B.bidder, B.`dateTime`, B.extra
FROM bid B
JOIN (
  SELECT MAX(price) AS maxprice, window_end AS `dateTime`
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND))
  GROUP BY window_start, window_end
) B1
ON B.price = B1.maxprice
WHERE B.`dateTime` BETWEEN B1.`dateTime` - INTERVAL '10' SECOND AND B1.`dateTime`;
