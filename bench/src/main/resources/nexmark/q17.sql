-- q17, auction statistics: per auction and day, the number of bids in all and by price band,
-- and the lowest, highest, mean and total price; every update written (a changelog).
CREATE TABLE nexmark_q17 WITH (KAFKA_TOPIC='${OUTPUT}', KEY_FORMAT='JSON') AS
SELECT auction, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd') AS `day`,
  count(*) AS total_bids,
  count(*) FILTER (WHERE price < 10000) AS rank1_bids,
  count(*) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_bids,
  count(*) FILTER (WHERE price >= 1000000) AS rank3_bids,
  min(price) AS min_price,
  max(price) AS max_price,
  avg(price) AS avg_price,
  sum(price) AS sum_price
FROM bid
GROUP BY auction, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd');
