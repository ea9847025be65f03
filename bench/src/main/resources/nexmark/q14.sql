-- q14, calculation: the bids whose euro price is between 1,000,000 and 50,000,000, with that price,
-- the time of day they were made in (by the hour, UTC) and how many 'c's their extra field holds.
CREATE STREAM nexmark_q14 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT auction, bidder, 0.908 * price AS price,
  CASE
    WHEN HOUR(`dateTime`) >= 8 AND HOUR(`dateTime`) <= 18 THEN 'dayTime'
    WHEN HOUR(`dateTime`) <= 6 OR HOUR(`dateTime`) >= 20 THEN 'nightTime'
    ELSE 'otherTime'
  END AS bidTimeType,
  `dateTime`, extra, COUNT_CHAR(extra, 'c') AS c_counts
FROM bid
WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000;
